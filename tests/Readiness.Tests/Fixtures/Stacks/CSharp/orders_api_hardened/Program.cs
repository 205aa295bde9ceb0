// The same API after the launch review: nothing here should be reported.
using System.Text;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;

var builder = WebApplication.CreateBuilder(args);

var jwtSigningKey = builder.Configuration["Jwt:SigningKey"]
    ?? throw new InvalidOperationException("Jwt:SigningKey is not configured.");

builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
    .AddJwtBearer(o => o.TokenValidationParameters = new TokenValidationParameters
    {
        ValidateIssuerSigningKey = true,
        IssuerSigningKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(jwtSigningKey)),
    });

var origins = builder.Configuration.GetSection("Cors:Origins").Get<string[]>() ?? [];
builder.Services.AddCors(options => options.AddPolicy("extension", policy => policy
    .WithOrigins(origins)
    .AllowAnyHeader()
    .AllowCredentials()));
builder.Services.AddCors(options => options.AddPolicy("public", policy => policy.AllowAnyOrigin().WithMethods("GET")));

builder.Services.ConfigureApplicationCookie(o =>
{
    o.Cookie.SecurePolicy = CookieSecurePolicy.Always;
    o.Cookie.HttpOnly = true;
});

var app = builder.Build();

if (app.Environment.IsDevelopment())
{
    app.UseDeveloperExceptionPage();
}
else
{
    app.UseExceptionHandler("/error");
    app.UseHsts();
}
if (!app.Environment.IsDevelopment()) { }
else app.UseDatabaseErrorPage();

app.UseHttpsRedirection();
app.UseCors("extension");

app.MapPost("/login", (HttpContext http) =>
{
    var token = Guid.NewGuid().ToString();
    http.Response.Cookies.Append("refresh_token", token, new CookieOptions { Secure = true, HttpOnly = true, SameSite = SameSiteMode.Strict });
    http.Response.Cookies.Append("theme", "dark");
    return Results.Ok();
});

app.Run();
