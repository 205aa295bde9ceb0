var builder = WebApplication.CreateBuilder(args);

var jwtKey = builder.Configuration["Jwt:Key"] ?? throw new InvalidOperationException("Jwt:Key is not set");
var stripeKey = Environment.GetEnvironmentVariable("STRIPE_SECRET_KEY") ?? throw new InvalidOperationException("STRIPE_SECRET_KEY is not set");
var issuer = builder.Configuration["Jwt:Issuer"] ?? "https://shop.example.com";

var app = builder.Build();
app.UseHsts();
app.UseHttpsRedirection();
app.MapGet("/health", () => "ok");
app.Run();
