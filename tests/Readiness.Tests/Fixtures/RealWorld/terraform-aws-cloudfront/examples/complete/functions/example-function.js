function handler(event) {
  // NOTE: This example function is for a viewer request event trigger.
  // Choose viewer request for event trigger when you associate this function with a distribution.
  var response = {
    statusCode: 302,
    statusDescription: 'Found',
    headers: {
      'cloudfront-functions': { value: 'generated-by-CloudFront-Functions' },
      'location': { value: 'https://aws.amazon.com/cloudfront/' }
    }
  };
  return response;
}
