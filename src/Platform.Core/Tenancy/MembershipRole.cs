namespace Platform.Core.Tenancy;

public enum MembershipRole
{
    /// <summary>Full control: team, API clients, webhooks, refunds.</summary>
    Owner = 0,

    /// <summary>Runs the store day to day; cannot manage team, API clients, refunds or webhooks.</summary>
    Staff = 1,
}
