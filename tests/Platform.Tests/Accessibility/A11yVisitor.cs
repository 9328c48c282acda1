namespace Platform.Tests.Accessibility;

/// <summary>Who opens a page in the walk: each has one browser context, signed in once.</summary>
public enum A11yVisitor
{
    Anonymous,
    Owner,
    Admin,
}
