namespace Platform.Core.Tenancy;

/// <summary>A new invitation and its link token: shown once, never stored (the row keeps only its hash).</summary>
public sealed record NewInvitation(string Token, Invitation Invitation)
{
    public override string ToString() => $"Invitation {Invitation.Id} for {Invitation.Role}";
}
