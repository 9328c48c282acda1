using System.Diagnostics;
using System.Text;

namespace Platform.LocalPostgres;

internal sealed record ProcessResult(int ExitCode, string StandardOutput, string StandardError)
{
    public string CombinedOutput => (StandardOutput.TrimEnd() + "\n" + StandardError.TrimEnd()).Trim();
}

/// <summary>Thrown when a launched process fails or times out; the message carries its output.</summary>
public sealed class ExternalProcessException(string message) : Exception(message);

/// <summary>The single place that launches processes: captures output, enforces a timeout, never hangs.</summary>
internal static class ProcessRunner
{
    private static readonly string[] ScrubbedVariables = ["PGDATA", "PGHOST", "PGHOSTADDR", "PGPORT", "PGUSER", "PGDATABASE", "PGOPTIONS", "PGPASSWORD"];

    /// <summary>Runs a process; throws <see cref="ExternalProcessException"/> on timeout, or on a non-zero exit unless
    /// it is in <paramref name="allowedExitCodes"/>.</summary>
    public static async Task<ProcessResult> RunAsync(
        string fileName,
        IReadOnlyList<string> arguments,
        TimeSpan timeout,
        CancellationToken ct,
        string? workingDirectory = null,
        IReadOnlyCollection<int>? allowedExitCodes = null)
    {
        var psi = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            CreateNoWindow = true,
            WorkingDirectory = workingDirectory ?? "/",
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var a in arguments)
            psi.ArgumentList.Add(a);
        foreach (var v in ScrubbedVariables)
            psi.Environment.Remove(v);
        psi.Environment["LC_MESSAGES"] = "C";

        var commandLine = fileName + " " + string.Join(' ', arguments.Select(Quote));
        using var process = new Process { StartInfo = psi };
        try
        {
            process.Start();
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            throw new ExternalProcessException($"Could not start `{commandLine}`: {ex.Message}");
        }

        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var stderr = process.StandardError.ReadToEndAsync(CancellationToken.None);

        using var timeoutCts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeoutCts.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(timeoutCts.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
            var partial = await CollectAsync(stdout, stderr).ConfigureAwait(false);
            ct.ThrowIfCancellationRequested();
            throw new ExternalProcessException(
                $"`{commandLine}` did not finish within {timeout.TotalSeconds:0}s and was killed.\n{partial.Out}\n{partial.Err}".TrimEnd());
        }

        // A grandchild may keep the pipes open; do not wait for it forever.
        var (outText, errText) = await CollectAsync(stdout, stderr).ConfigureAwait(false);
        var result = new ProcessResult(process.ExitCode, outText, errText);
        if (result.ExitCode != 0 && (allowedExitCodes is null || !allowedExitCodes.Contains(result.ExitCode)))
            throw new ExternalProcessException(
                $"`{commandLine}` exited with code {result.ExitCode}.\n{result.CombinedOutput}".TrimEnd());
        return result;
    }

    private static async Task<(string Out, string Err)> CollectAsync(Task<string> stdout, Task<string> stderr)
    {
        var both = Task.WhenAll(stdout, stderr);
        await Task.WhenAny(both, Task.Delay(TimeSpan.FromSeconds(3))).ConfigureAwait(false);
        return (stdout.IsCompletedSuccessfully ? stdout.Result : "", stderr.IsCompletedSuccessfully ? stderr.Result : "");
    }

    private static string Quote(string arg) =>
        arg.Length > 0 && arg.All(c => char.IsLetterOrDigit(c) || "-_./=:@,+".Contains(c)) ? arg : "'" + arg.Replace("'", "'\\''") + "'";
}
