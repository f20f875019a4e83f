namespace IpsApi.Jobs.JobTypes.Mapping;

/// <summary>An asset a job names by a well-formed handle of the submitting company, with where in the request it was.</summary>
public sealed record AssetReference(string Path, string Handle, long AssetId);

/// <summary>A named company resource (macro, set rule) a job uses, with where in the request it was.</summary>
public sealed record NamedReference(string Path, string Name);

/// <summary>
/// A conversion a job asks for: its modifiers as given (<paramref name="Modifiers"/>) or a company macro to look
/// up (<paramref name="Macro"/>), with where in the request it was; checked against the size limits for the job's assets.
/// </summary>
public sealed record RenderingReference(string Path, string? Modifiers, string? Macro);

/// <summary>
/// What a job names that must exist in the company: the mapper collects these while reading (it knows the
/// paths), and submitJob looks them up in the database, so a job over nothing is refused before it is stored.
/// </summary>
public sealed class JobReferences
{
    private readonly List<AssetReference> _assets = [];
    private readonly List<NamedReference> _macros = [];
    private readonly List<NamedReference> _setScripts = [];
    private readonly List<RenderingReference> _renderings = [];

    public IReadOnlyList<AssetReference> Assets => _assets;

    public IReadOnlyList<NamedReference> Macros => _macros;

    public IReadOnlyList<NamedReference> SetScripts => _setScripts;

    public IReadOnlyList<RenderingReference> Renderings => _renderings;

    internal void AddAsset(AssetReference reference) => _assets.Add(reference);

    internal void AddMacro(NamedReference reference) => _macros.Add(reference);

    internal void AddSetScript(NamedReference reference) => _setScripts.Add(reference);

    internal void AddRendering(RenderingReference reference) => _renderings.Add(reference);
}
