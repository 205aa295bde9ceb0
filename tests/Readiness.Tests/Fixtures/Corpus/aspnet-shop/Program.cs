var builder = WebApplication.CreateBuilder(args);

var jwtKey = builder.Configuration["Jwt:Key"] ?? "shop-development-signing-key-2024"; // Noncompliant RDY1006
var stripeKey = Environment.GetEnvironmentVariable("STRIPE_SECRET_KEY") ?? "sk_test_51Hx9QkLz2Rb7TnVw3Ym8PcDf"; // Noncompliant RDY1006
var issuer = builder.Configuration["Jwt:Issuer"] ?? "https://shop.example.com";

var app = builder.Build();
app.UseHsts();
app.UseHttpsRedirection();
app.MapGet("/health", () => "ok");
app.Run();
