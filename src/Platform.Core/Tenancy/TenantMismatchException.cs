namespace Platform.Core.Tenancy;

/// <summary>Thrown when data of one tenant is about to be written or read under another.</summary>
public sealed class TenantMismatchException(string message) : InvalidOperationException(message);
