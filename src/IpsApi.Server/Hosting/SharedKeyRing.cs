using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.Extensions.Options;
using Npgsql;

namespace IpsApi.Server.Hosting;

/// <summary>Section "IpsApi:DataProtection".</summary>
public sealed class DataProtectionSettings
{
    public const string Section = "IpsApi:DataProtection";

    /// <summary>
    /// Encrypts the key ring in the database (AES-256-GCM, the key derived from this text). The same on every node;
    /// kept out of the database. Unset: the keys are stored as they are, and the server warns at start.
    /// </summary>
    public string? Secret { get; set; }
}

/// <summary>
/// The Data Protection key ring (the keys sealing the dashboard's session cookie and form tokens) kept in
/// PostgreSQL, table data_protection_keys: every node reads and writes the same ring, so a cookie or form token
/// one node made is good on all of them. The ring is encrypted with a secret the database does not hold.
/// </summary>
public static class SharedKeyRing
{
    private const long CreateLockKey = 0x1B5A_0031;

    public static IServiceCollection AddSharedKeyRing(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DataProtectionSettings>().Bind(configuration.GetSection(DataProtectionSettings.Section));
        services.AddSingleton<DatabaseXmlRepository>();
        services.AddDataProtection().SetApplicationName("IpsApi");
        services.AddOptions<KeyManagementOptions>().Configure<DatabaseXmlRepository, IOptions<DataProtectionSettings>>(
            (keys, repository, settings) =>
            {
                keys.XmlRepository = repository;
                if (!string.IsNullOrEmpty(settings.Value.Secret))
                {
                    keys.XmlEncryptor = new SecretXmlEncryptor(settings.Value.Secret);
                }
            });
        return services;
    }

    /// <summary>
    /// Makes the first key under a database lock when the ring has none: two nodes starting together on an empty
    /// ring would otherwise each make one and refuse the other's cookies until they next read the ring.
    /// </summary>
    public static async Task EnsureKeyAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var manager = services.GetRequiredService<IKeyManager>();
        var clock = services.GetRequiredService<TimeProvider>();
        await using var connection = await services.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync(cancellationToken);
        await using (var lockCommand = new NpgsqlCommand("select pg_advisory_lock(@key)", connection))
        {
            lockCommand.Parameters.AddWithValue("key", CreateLockKey);
            await lockCommand.ExecuteNonQueryAsync(cancellationToken);
        }

        try
        {
            var now = clock.GetUtcNow();
            if (!manager.GetAllKeys().Any(k => !k.IsRevoked && k.ActivationDate <= now && k.ExpirationDate > now))
            {
                manager.CreateNewKey(now, now + services.GetRequiredService<IOptions<KeyManagementOptions>>().Value.NewKeyLifetime);
            }
        }
        finally
        {
            await using var unlock = new NpgsqlCommand("select pg_advisory_unlock(@key)", connection);
            unlock.Parameters.AddWithValue("key", CreateLockKey);
            await unlock.ExecuteNonQueryAsync(CancellationToken.None);
        }

        if (string.IsNullOrEmpty(services.GetRequiredService<IOptions<DataProtectionSettings>>().Value.Secret))
        {
            services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SharedKeyRing)).LogWarning(
                "IPSAPI_DATAPROTECTION__SECRET is not set: the dashboard's cookie keys are stored unencrypted in PostgreSQL (table data_protection_keys)");
        }
    }

    /// <summary>Data Protection's key store on table data_protection_keys (its interface is synchronous).</summary>
    public sealed class DatabaseXmlRepository(NpgsqlDataSource db) : IXmlRepository
    {
        public IReadOnlyCollection<XElement> GetAllElements()
        {
            using var command = db.CreateCommand("select xml from data_protection_keys order by created_at, name");
            using var reader = command.ExecuteReader();
            var elements = new List<XElement>();
            while (reader.Read())
            {
                elements.Add(XElement.Parse(reader.GetString(0)));
            }

            return elements;
        }

        public void StoreElement(XElement element, string friendlyName)
        {
            using var command = db.CreateCommand("insert into data_protection_keys (name, xml) values (@name, @xml) on conflict (name) do nothing");
            command.Parameters.AddWithValue("name", friendlyName);
            command.Parameters.AddWithValue("xml", element.ToString(SaveOptions.DisableFormatting));
            command.ExecuteNonQuery();
        }
    }

    /// <summary>AES-256-GCM under a key derived (HKDF-SHA256) from the configured secret.</summary>
    private static byte[] KeyFrom(string secret) =>
        HKDF.DeriveKey(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(secret), 32, info: "IpsApi data protection key ring"u8.ToArray());

    private static readonly XName Sealed = "sealedWithSecret";

    public sealed class SecretXmlEncryptor(string secret) : IXmlEncryptor
    {
        public EncryptedXmlInfo Encrypt(XElement plaintextElement)
        {
            var plain = Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting));
            var nonce = RandomNumberGenerator.GetBytes(AesGcm.NonceByteSizes.MaxSize);
            var tag = new byte[AesGcm.TagByteSizes.MaxSize];
            var cipher = new byte[plain.Length];
            using (var aes = new AesGcm(KeyFrom(secret), tag.Length))
            {
                aes.Encrypt(nonce, plain, cipher, tag);
            }

            return new EncryptedXmlInfo(
                new XElement(Sealed, new XAttribute("version", 1), Convert.ToBase64String([.. nonce, .. tag, .. cipher])),
                typeof(SecretXmlDecryptor));
        }
    }

    /// <summary>Made by Data Protection through its activator, hence the service provider.</summary>
    public sealed class SecretXmlDecryptor(IServiceProvider services) : IXmlDecryptor
    {
        public XElement Decrypt(XElement encryptedElement)
        {
            var secret = services.GetRequiredService<IOptions<DataProtectionSettings>>().Value.Secret;
            if (string.IsNullOrEmpty(secret))
            {
                throw new CryptographicException("The key ring is encrypted but IPSAPI_DATAPROTECTION__SECRET is not set on this node.");
            }

            var bytes = Convert.FromBase64String(encryptedElement.Value);
            var nonceSize = AesGcm.NonceByteSizes.MaxSize;
            var tagSize = AesGcm.TagByteSizes.MaxSize;
            var plain = new byte[bytes.Length - nonceSize - tagSize];
            using (var aes = new AesGcm(KeyFrom(secret), tagSize))
            {
                aes.Decrypt(bytes.AsSpan(0, nonceSize), bytes.AsSpan(nonceSize + tagSize), bytes.AsSpan(nonceSize, tagSize), plain);
            }

            return XElement.Parse(Encoding.UTF8.GetString(plain));
        }
    }
}
