namespace Platform.Core.Administration;

/// <summary>What a platform admin did: every view of a store's data and every change is one audit row.</summary>
public enum AdminAuditAction
{
    ViewedStore = 0,
    Suspended = 1,
    Reactivated = 2,
    FrozeDeliveries = 3,
    UnfrozeDeliveries = 4,
}
