using IpsApi.Server.Hosting;
using Npgsql;

namespace IpsApi.Tests.Hosting;

/// <summary>The server's database timeouts: filled in only where the connection string is silent.</summary>
public sealed class DatabaseConnectionsTests
{
    [Fact]
    public void A_connection_string_without_timeouts_gets_the_servers_defaults()
    {
        var settings = new NpgsqlConnectionStringBuilder(DatabaseConnections.WithTimeouts("Host=db;Username=ipsapi;Password=secret;Database=ipsapi"));

        Assert.Equal(DatabaseConnections.ConnectTimeoutSeconds, settings.Timeout);
        Assert.Equal(DatabaseConnections.TcpKeepaliveSeconds, settings.TcpKeepAliveTime);
        Assert.Equal(DatabaseConnections.TcpKeepaliveIntervalSeconds, settings.TcpKeepAliveInterval);
        Assert.Equal("secret", settings.Password);
        Assert.Equal(30, settings.CommandTimeout); // Npgsql's own: long work must not be cut short
    }

    [Fact]
    public void What_the_connection_string_sets_wins()
    {
        var settings = new NpgsqlConnectionStringBuilder(DatabaseConnections.WithTimeouts("Host=db;timeout=20;Tcp Keepalive=true;Command Timeout=120"));

        Assert.Equal(20, settings.Timeout);
        Assert.True(settings.TcpKeepAlive);
        Assert.Equal(0, settings.TcpKeepAliveTime);
        Assert.Equal(120, settings.CommandTimeout);
    }

    [Fact]
    public void A_keepalive_time_alone_is_kept_as_given()
    {
        var settings = new NpgsqlConnectionStringBuilder(DatabaseConnections.WithTimeouts("Host=db;TCP Keepalive Time=60"));

        Assert.Equal(60, settings.TcpKeepAliveTime);
        Assert.Equal(0, settings.TcpKeepAliveInterval);
        Assert.Equal(DatabaseConnections.ConnectTimeoutSeconds, settings.Timeout);
    }
}
