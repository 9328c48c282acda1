namespace Platform.Web.Identity;

/// <summary>Why a token's subject may no longer act for its store.</summary>
public enum SubjectRefusal
{
    None = 0,
    StoreNotFound,
    StoreSuspended,
    ClientRevoked,
    NotAMember,
}
