terraform {
  # 1.10: S3 backend locking with use_lockfile (no DynamoDB table).
  required_version = ">= 1.10"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 6.0, < 7.0"
    }
  }

  # Partial configuration: terraform init -backend-config=backend.hcl (see backend.hcl.example).
  backend "s3" {}
}

provider "aws" {
  region = var.region

  # Every taggable resource gets these; modules add a Name where it helps.
  default_tags {
    tags = {
      Project     = "parley"
      Environment = var.environment
      ManagedBy   = "terraform"
    }
  }
}
