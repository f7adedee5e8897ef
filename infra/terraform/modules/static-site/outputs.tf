output "bucket_name" {
  description = "Bucket the upload script writes to."
  value       = aws_s3_bucket.this.id
}

output "distribution_id" {
  description = "CloudFront distribution (the upload script invalidates index.html, config.json and widget.js)."
  value       = aws_cloudfront_distribution.this.id
}

output "base_url" {
  description = "Public base URL of the static files."
  value       = "https://${local.custom_certificate ? var.aliases[0] : aws_cloudfront_distribution.this.domain_name}"
}

output "origin" {
  description = "Origin of the admin (for the API's ADMIN_ORIGINS)."
  value       = "https://${local.custom_certificate ? var.aliases[0] : aws_cloudfront_distribution.this.domain_name}"
}
