# IPS job server image. Build: docker compose build (see docker-compose.yml).

# --- build: restore and publish the server with the full SDK ---
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# Everything publish needs: central build/package settings, sources, and the
# WSDL that the server ships beside its binary. Tests are not part of the image.
COPY Directory.Build.props Directory.Packages.props ./
COPY src/ src/
COPY wsdl/ wsdl/
RUN dotnet publish src/IpsApi.Server/IpsApi.Server.csproj -c Release -o /app

# --- runtime: ASP.NET runtime plus the native tools the job handlers call ---
FROM mcr.microsoft.com/dotnet/aspnet:10.0
# The .NET 10 images are Ubuntu 24.04, where libvips42 is named libvips42t64
# (the 64-bit time_t rename); it provides libvips.so.42 for NetVips. curl runs the
# container health check (/health/ready).
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
      libvips42t64 poppler-utils ffmpeg curl \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app ./
# Job files live on a volume; the image's non-root 'app' user must own it so a
# fresh named volume starts out writable (storage/ too: docker-compose mounts the
# shared storage volume there, and a new volume takes the owner of its mount point).
RUN mkdir -p /data/storage && chown -R "$APP_UID" /data
VOLUME /data
# The dashboard (/ops) has a port of its own: 8080 serves files companies uploaded.
ENV IPSAPI_URLS=http://0.0.0.0:8080 \
    IPSAPI_OPS__URLS=http://0.0.0.0:8090 \
    IPSAPI_DATA=/data
EXPOSE 8080 8090
HEALTHCHECK --interval=10s --timeout=5s --start-period=30s --retries=6 \
  CMD curl -fsS -o /dev/null http://127.0.0.1:8080/health/ready || exit 1
USER $APP_UID
ENTRYPOINT ["dotnet", "IpsApi.Server.dll", "serve"]
