function handler(event) {
  // CloudFront Function with KeyValueStore integration
  // Uses KV store for dynamic URL redirects and feature flags

  var request = event.request;
  var uri = request.uri;

  // Note: To use KeyValueStore, associate the KV store ARN with this function
  // Example: key_value_store_associations = ["arn:aws:cloudfront::123456789012:key-value-store/redirects"]

  // Uncomment when KV store is associated:
  /*
  var kvsHandle = event.context.kvs;

  // Look up redirect mapping in KeyValueStore
  var redirectTarget = kvsHandle.get(uri);

  if (redirectTarget) {
    // Redirect to target URL from KV store
    var response = {
      statusCode: 301,
      statusDescription: 'Moved Permanently',
      headers: {
        'location': { value: redirectTarget },
        'cache-control': { value: 'max-age=3600' }
      }
    };
    return response;
  }

  // Check feature flags in KV store
  var featureFlags = kvsHandle.get('feature-flags');
  if (featureFlags) {
    var flags = JSON.parse(featureFlags);

    // Add feature flag headers for origin
    if (flags.enableNewUI) {
      request.headers['x-feature-new-ui'] = { value: 'true' };
    }
  }
  */

  // For now, return request as-is
  // When KV store is configured, uncomment the code above
  return request;
}
