using IpsApi.Assets.Publishing;

namespace IpsApi.Server.Delivery;

/// <summary>The read-only HTTP side that serves what publish jobs published: /is/image, /is/content and /is/search.</summary>
public static class DeliveryEndpoints
{
    public static IServiceCollection AddIpsDelivery(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DeliveryOptions>().Bind(configuration.GetSection(DeliveryOptions.Section));
        services.AddSingleton<RenderQueue>();
        services.AddSingleton<RenditionCache>();
        services.AddDeliveryClientLimits(configuration);
        services.AddSingleton<ImageDelivery>();
        services.AddSingleton<ContentDelivery>();
        return services;
    }

    public static WebApplication MapIpsDelivery(this WebApplication app)
    {
        string[] methods = [HttpMethods.Get, HttpMethods.Head];
        var delivery = app.MapGroup("/is").AddEndpointFilter((context, next) =>
        {
            ContentGuard.Apply(context.HttpContext.Response);
            return next(context);
        });
        delivery.MapMethods("/image/{company}/{**name}", methods,
            (HttpContext context, string company, string name, ImageDelivery images, CancellationToken cancellationToken) =>
                images.ServeAsync(context, company, name, cancellationToken));
        delivery.MapMethods("/content/{company}/{**path}", methods,
            (HttpContext context, string company, string path, ContentDelivery content, CancellationToken cancellationToken) =>
                content.ServeAsync(context, company, path, cancellationToken));
        // The search index of a FullWithSearch publish: the names of the images whose names or metadata hold every word.
        delivery.MapGet("/search/{company}", async (HttpContext context, string company, string? q, PublishCatalogs catalogs, CancellationToken cancellationToken) =>
        {
            var words = (q ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (words.Length is 0 or > 10 || words.Any(w => w.Length > 100))
            {
                return Results.Text("Give one to ten words in q.", "text/plain; charset=utf-8", statusCode: StatusCodes.Status400BadRequest);
            }

            var names = await catalogs.SearchAsync(company, CatalogKind.ImageServing, words, 1000, cancellationToken);
            return Results.Text(string.Concat(names.Select(n => n + "\n")), "text/plain; charset=utf-8");
        });
        return app;
    }
}
