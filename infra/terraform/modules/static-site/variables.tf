variable "name" {
  type        = string
  description = "Prefix of every resource name (e.g. parley-prod)."
}

variable "tags" {
  type        = map(string)
  description = "Tags added to every resource, on top of the provider's default_tags."
  default     = {}
}

variable "api_url" {
  type        = string
  description = "Public base URL of the API (https://…): the admin's Content-Security-Policy lets it connect there."
}

variable "aliases" {
  type        = list(string)
  description = "Custom host names of the distribution (e.g. admin.example.com). Empty: the *.cloudfront.net name."
  default     = []
}

variable "acm_certificate_arn" {
  type        = string
  description = "ACM certificate in us-east-1 covering the aliases (CloudFront reads certificates only there)."
  default     = ""
}

variable "price_class" {
  type        = string
  description = "CloudFront price class: PriceClass_100 serves from North America and Europe (the cheapest)."
  default     = "PriceClass_100"
}

variable "widget_max_age_seconds" {
  type        = number
  description = "Cache lifetime of the un-hashed /widget.js, which every embedding page loads: updates reach visitors within this time."
  default     = 300
}

variable "force_destroy" {
  type        = bool
  description = "Let terraform destroy delete the bucket with its files (dev)."
  default     = false
}
