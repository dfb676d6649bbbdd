// The public status page: a private, encrypted, versioned bucket that only
// CloudFront may read (Origin Access Control), served over HTTPS with short
// cache lifetimes because the feed changes every minute. Access logs of both
// go to a separate log bucket.
import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import {
  AllowedMethods, CachePolicy, CacheCookieBehavior, CacheHeaderBehavior, CacheQueryStringBehavior, Distribution, HttpVersion,
  HeadersFrameOption, HeadersReferrerPolicy, PriceClass, ResponseHeadersPolicy, ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { STATUS_FUNCTION } from '../../src/cost/deployment-sizes.ts';
import { fixedPageSecurityPolicy } from '../../src/status/render/page-policy.ts';

export class StatusSite extends Construct {
  readonly bucket: Bucket;
  readonly logs: Bucket;
  readonly distribution: Distribution;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.logs = new Bucket(this, 'AccessLogs', {
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      // CloudFront standard logging writes with an ACL.
      objectOwnership: ObjectOwnership.BUCKET_OWNER_PREFERRED,
      lifecycleRules: [{ expiration: Duration.days(90) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.bucket = new Bucket(this, 'Bucket', {
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      enforceSSL: true,
      versioned: true,
      // The feed is rewritten every minute: keep a week of old versions, not all of them.
      lifecycleRules: [{ noncurrentVersionExpiration: Duration.days(7) }],
      serverAccessLogsBucket: this.logs,
      serverAccessLogsPrefix: 'status-bucket/',
      removalPolicy: RemovalPolicy.RETAIN,
    });

    const cachePolicy = new CachePolicy(this, 'CachePolicy', {
      comment: 'Status feed: follows the Cache-Control the status function sets, at most 5 minutes',
      minTtl: Duration.seconds(0),
      defaultTtl: Duration.seconds(60),
      maxTtl: Duration.minutes(5),
      cookieBehavior: CacheCookieBehavior.none(),
      headerBehavior: CacheHeaderBehavior.none(),
      queryStringBehavior: CacheQueryStringBehavior.none(),
      enableAcceptEncodingGzip: true,
      enableAcceptEncodingBrotli: true,
    });

    // The managed SECURITY_HEADERS set, plus CORS: summary.json and the badges
    // are read by other sites' status widgets and by shields.io. The CSP is
    // the one `vantage run --serve` sends: the page's inline style and script
    // by hash (they are the same in every page the status function renders).
    const headers = new ResponseHeadersPolicy(this, 'Headers', {
      comment: 'Vantage status page: security headers, and CORS for the public JSON feed',
      corsBehavior: {
        accessControlAllowCredentials: false,
        accessControlAllowHeaders: ['*'],
        accessControlAllowMethods: ['GET', 'HEAD'],
        accessControlAllowOrigins: ['*'],
        accessControlMaxAge: Duration.days(1),
        originOverride: true,
      },
      securityHeadersBehavior: {
        strictTransportSecurity: { accessControlMaxAge: Duration.days(365), includeSubdomains: false, override: true },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
        referrerPolicy: { referrerPolicy: HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN, override: true },
        contentSecurityPolicy: { contentSecurityPolicy: fixedPageSecurityPolicy(STATUS_FUNCTION.pageRefreshSeconds), override: true },
      },
    });

    this.distribution = new Distribution(this, 'Distribution', {
      comment: 'Vantage status page',
      defaultRootObject: 'index.html',
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        allowedMethods: AllowedMethods.ALLOW_GET_HEAD,
        cachePolicy,
        responseHeadersPolicy: headers,
        compress: true,
      },
      httpVersion: HttpVersion.HTTP2_AND_3,
      priceClass: PriceClass.PRICE_CLASS_100,
      enableLogging: true,
      logBucket: this.logs,
      logFilePrefix: 'cloudfront/',
    });
    Validations.of(this.distribution).acknowledge(
      {
        id: 'AwsSolutions-CFR1',
        reason: 'A public status page is meant to be readable from every country; geo restriction would hide outages from the customers they affect.',
      },
      {
        id: 'AwsSolutions-CFR2',
        reason: 'Static, read-only, cached files (GET/HEAD only, no origin compute); CloudFront absorbs floods with Shield Standard, and a WAF web ACL would cost more than the whole deployment.',
      },
      {
        id: 'AwsSolutions-CFR4',
        reason: 'The distribution uses the default *.cloudfront.net certificate, whose security policy CloudFront fixes (it cannot be set to TLSv1.2_2021); add a custom domain and ACM certificate to choose it.',
      },
    );
  }
}
