namespace Platform.TelegramSandbox.Api;

/// <summary>Serves one Bot API method; returns the object placed in "result".</summary>
internal delegate ValueTask<object> MethodHandler(MethodCall call, CancellationToken ct);
