# Build: the same publish CI runs (scripts/test.sh).
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props ./
COPY operator/Operator.csproj operator/
RUN dotnet restore operator/Operator.csproj
COPY operator/ operator/
RUN dotnet publish operator/Operator.csproj -c Release -o /app

# Run: ASP.NET Core runtime on a chiseled Ubuntu image (no shell, no package manager).
FROM mcr.microsoft.com/dotnet/aspnet:10.0-noble-chiseled
WORKDIR /app
COPY --from=build /app ./
# The image's non-root "app" user, by number so Kubernetes can verify runAsNonRoot.
USER 1654
EXPOSE 8080 8081
ENTRYPOINT ["dotnet", "/app/backendstack-operator.dll"]
