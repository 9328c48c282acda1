namespace Platform.Core.Email;

/// <summary>Sends account emails (password reset, team invitations).</summary>
public interface IEmailSender
{
    Task SendAsync(string to, string subject, string body, CancellationToken cancellationToken);
}
