using System.Collections.Concurrent;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace IpsApi.Server.Delivery;

/// <summary>A rendered image as /is/image sends it.</summary>
public sealed record Rendition(byte[] Body, string ContentType);

/// <summary>
/// Rendered images kept in memory (up to IPSAPI_DELIVERY__RENDITIONCACHEMEGABYTES, least recently used out first),
/// so a repeated request costs a catalog lookup and no render. The key is the response's entity tag, made from the
/// published content and the modifiers, so an image a publish changed is never answered from an older render; and
/// when a lookup shows that a company's catalog has a newer version than this node saw, that company's renditions
/// are dropped at once. Requests for a rendition being rendered wait for that render instead of starting another.
/// </summary>
public sealed class RenditionCache : IDisposable
{
    private readonly MemoryCache? _cache;
    private readonly ConcurrentDictionary<string, Task<Rendition>> _rendering = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, CatalogSeen> _catalogs = new(StringComparer.Ordinal);

    public RenditionCache(IOptions<DeliveryOptions> options)
    {
        var megabytes = options.Value.RenditionCacheMegabytes;
        _cache = megabytes > 0 ? new MemoryCache(new MemoryCacheOptions { SizeLimit = megabytes * 1024L * 1024 }) : null;
    }

    /// <summary>Renditions held now, and their bytes (for tests and the benchmark).</summary>
    public (long Count, long Bytes) Held => _cache is null ? (0, 0) : (_cache.Count, _cache.GetCurrentStatistics()?.CurrentEstimatedSize ?? 0);

    /// <summary>
    /// The rendition under <paramref name="key"/> from memory, or from <paramref name="render"/> (run once however many
    /// ask at the same time; not cancelled when one of them gives up, since the others and the cache still want it).
    /// </summary>
    public async Task<(Rendition Rendition, bool FromCache)> GetAsync(
        string company, long catalogVersion, string key, Func<Task<Rendition>> render, CancellationToken cancellationToken)
    {
        var evict = Saw(company, catalogVersion);
        if (_cache is not null && _cache.TryGetValue(key, out Rendition? cached) && cached is not null)
        {
            return (cached, true);
        }

        var task = _rendering.GetOrAdd(key, _ => RenderOnceAsync(key, render, evict));
        return (await task.WaitAsync(cancellationToken), false);
    }

    private async Task<Rendition> RenderOnceAsync(string key, Func<Task<Rendition>> render, CancellationToken evict)
    {
        try
        {
            // Off the caller's stack: GetOrAdd must return before the render runs.
            var rendition = await Task.Run(render, CancellationToken.None);
            if (_cache is not null && !evict.IsCancellationRequested)
            {
                using var entry = _cache.CreateEntry(key);
                entry.Value = rendition;
                entry.Size = rendition.Body.Length + 256;
                entry.AddExpirationToken(new CancellationChangeToken(evict));
            }

            return rendition;
        }
        finally
        {
            _rendering.TryRemove(key, out _);
        }
    }

    /// <summary>Notes the catalog version a lookup saw; a newer one than before drops the company's renditions.</summary>
    private CancellationToken Saw(string company, long version)
    {
        while (true)
        {
            var seen = _catalogs.GetOrAdd(company, _ => new CatalogSeen(version, new CancellationTokenSource()));
            if (version <= seen.Version)
            {
                return seen.Evict.Token;
            }

            var newer = new CatalogSeen(version, new CancellationTokenSource());
            if (_catalogs.TryUpdate(company, newer, seen))
            {
                seen.Evict.Cancel();
                seen.Evict.Dispose();
                return newer.Evict.Token;
            }

            newer.Evict.Dispose();
        }
    }

    public void Dispose()
    {
        _cache?.Dispose();
        foreach (var seen in _catalogs.Values)
        {
            seen.Evict.Dispose();
        }
    }

    private sealed record CatalogSeen(long Version, CancellationTokenSource Evict);
}
