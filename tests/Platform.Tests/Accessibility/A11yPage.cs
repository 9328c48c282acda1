namespace Platform.Tests.Accessibility;

/// <summary>One stop of the walk: the route template it stands for, who visits it, the URL and the status it answers.</summary>
public sealed record A11yPage(string Route, A11yVisitor Visitor, string Url, int Status = 200);
