namespace Platform.Core.Subscriptions;

/// <summary>What a <see cref="PlanGrant"/> grants.</summary>
public enum PlanGrantKind
{
    /// <summary>Membership of a private channel or group.</summary>
    Chat = 0,

    /// <summary>Access to a file or text product.</summary>
    Product = 1,
}
