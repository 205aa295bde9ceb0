# Readiness as a container image: the tool is the entrypoint and /src is the folder it scans.
#   docker build -t readiness .
#   docker run --rm -v "$PWD:/src:ro" readiness scan /src --format sarif --output-dir /tmp/report
# See docs/workflows.md ("Container image").

# Build stage: the SDK publishes the Runner (framework-dependent, Release).
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /build
COPY . .
RUN dotnet publish src/Readiness.Runner/Readiness.Runner.csproj -c Release -o /app --nologo

# Runtime stage: only the .NET runtime and the published tool, run as the image's non-root user.
FROM mcr.microsoft.com/dotnet/runtime:10.0
COPY --from=build /app /app
WORKDIR /src
USER app
ENTRYPOINT ["dotnet", "/app/readiness.dll"]
CMD ["scan", "/src"]
