using IpsApi.Assets.Store;
using IpsApi.Jobs.Accounts;
using IpsApi.Server.Soap;
using IpsApi.Wire;
using Asset = IpsApi.Wire.Asset;

namespace IpsApi.Server.Operations.Assets;

/// <summary>
/// getAssociatedAssets: how an asset hangs together with others. containerArray: the sets (image and swatch sets,
/// eCatalogs) it is a member of; memberArray: a set's members in order; derivedArray and generatorArray: the PDF a
/// page was ripped from (engine PostScriptRip); generatedArray: the pages ripped from a PDF, and the renditions made
/// from the asset (masks, thumbnails, PDF page images, video encodes; engine ImageConvert), which have no handle of
/// their own. Only live assets are listed.
/// </summary>
[AllowedRoles(UserRole.IpsUser, UserRole.IpsAdmin, UserRole.IpsCompanyAdmin, UserRole.TrialSiteAdmin, UserRole.TrialSiteUser,
    UserRole.ImagePortalAdmin, UserRole.ImagePortalUser, UserRole.ImagePortalContrib, UserRole.ImagePortalContribUser)]
public sealed class GetAssociatedAssets(AssetRequests requests, AssetCatalog catalog) : IOperationHandler<GetAssociatedAssetsRequest, GetAssociatedAssetsResponse>
{
    private const string Rip = "PostScriptRip";
    private const string Convert = "ImageConvert";

    private static readonly string[] AssetPaths =
    [
        "containerArray/items", "memberArray/items", "derivedArray/items", "generatorArray/items/originator", "generatorArray/items/generated",
        "generatedArray/items/originator", "generatedArray/items/generated", "thumbAsset",
    ];

    public async Task<GetAssociatedAssetsResponse> HandleAsync(GetAssociatedAssetsRequest request, IpsCall call, CancellationToken cancellationToken)
    {
        var param = request.GetAssociatedAssetsParam ?? new GetAssociatedAssetsParam();
        var company = await requests.CompanyAsync(call, param.CompanyHandle, cancellationToken);
        var id = AssetRequests.RequireId(company, param.AssetHandle);
        var fields = FieldSelection.For<GetAssociatedAssetsReturn>(param.ResponseFieldArray, param.ExcludeFieldArray, AssetPaths);
        var metadata = AssetPaths.Any(p => fields.Wants(p + "/metadataArray"));
        var found = await catalog.ListAsync(company.Id, company.Name, new AssetFilter { Ids = [id], Trash = TrashFilter.Any }, metadata, 1, cancellationToken);
        if (found.Count == 0)
        {
            throw AssetRequests.NoAsset(company, param.AssetHandle!);
        }

        var asset = found[0];
        // A new object at each place: the field selection prunes each place on its own.
        Asset Self() => AssetWire.Of(asset, company);
        var containers = await catalog.ContainersAsync(company.Id, id, metadata, cancellationToken);
        var members = asset.Kind is AssetType.ImageSet or AssetType.SwatchSet or AssetType.ECatalog
            ? await catalog.MembersAsync(company.Id, id, metadata, cancellationToken)
            : [];
        var generator = await catalog.GeneratorAsync(company.Id, id, metadata, cancellationToken);
        var pages = await catalog.GeneratedAsync(company.Id, id, metadata, cancellationToken);
        var renditions = await catalog.RenditionsAsync(id, cancellationToken);

        var generated = pages.Select(p => new GenerationInfo { Engine = Rip, Originator = Self(), Generated = AssetWire.Of(p, company) })
            .Concat(renditions.Select(r => new GenerationInfo
            {
                Engine = Convert,
                Originator = Self(),
                Generated = RenditionAsset(asset, r),
                AttributeArray = new GenerationAttributeArray { Items = [new GenerationAttribute { Name = "rendition", Value = r.Kind }] },
            }))
            .ToList();
        return new GetAssociatedAssetsResponse
        {
            GetAssociatedAssetsReturn = fields.Apply(new GetAssociatedAssetsReturn
            {
                ContainerArray = AssetWire.ArrayOf(containers, company),
                MemberArray = AssetWire.ArrayOf(members, company),
                DerivedArray = generator is { } source ? AssetWire.ArrayOf([source.Source], company) : null,
                GeneratorArray = generator is { } from
                    ? new GenerationInfoArray { Items = [new GenerationInfo { Engine = from.Engine, Originator = AssetWire.Of(from.Source, company), Generated = Self() }] }
                    : null,
                GeneratedArray = generated.Count == 0 ? null : new GenerationInfoArray { Items = generated },
            }),
        };
    }

    /// <summary>A rendition as the asset it would be in IPS: its type and name, sizes, no handle (it is not an asset here).</summary>
    private static Asset RenditionAsset(AssetView asset, RenditionView rendition)
    {
        var type = rendition.Kind switch
        {
            "Mask" => "Mask",
            "Encode" => "Video",
            _ => "Image",
        };
        var size = (int)Math.Min(rendition.Size, int.MaxValue);
        return new Asset
        {
            Type = type,
            Name = $"{asset.Name}-{rendition.Name}",
            ImageInfo = type == "Video" ? null : new ImageInfo { Width = rendition.Width, Height = rendition.Height, FileSize = size },
        };
    }
}
