namespace Platform.Core.Catalog;

public enum ProductState
{
    Draft = 0,
    Published = 1,

    /// <summary>No longer sold; past buyers keep their access.</summary>
    Archived = 2,
}
