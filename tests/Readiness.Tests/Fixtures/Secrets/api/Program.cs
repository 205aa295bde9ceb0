var builder = WebApplication.CreateBuilder(args);

var jwtKey = builder.Configuration["Jwt:Key"] ?? "super-secret-development-key-123"; // Noncompliant RDY1006
var apiKey = Environment.GetEnvironmentVariable("PAYMENTS_API_KEY") ?? "pk-fallback-abc123xyz"; // Noncompliant RDY1006
var connection = builder.Configuration.GetConnectionString("Default") ?? "Server=sql.prod.internal;Database=shop;User Id=shop;Password=yKCX8R1yeippOWXWgBR6wpRp;"; // Noncompliant RDY1003
var appName = builder.Configuration["App:Name"] ?? "Shop";
var issuer = builder.Configuration["Jwt:Issuer"] ?? "https://shop.example.com";
// Secret-named C# literals (var password = "...") are judged by the Roslyn C# rules, not by RDY1004.
var password = "Sup3rS3cretP4ssw0rd";

var app = builder.Build();
app.Run();
