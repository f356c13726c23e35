/**
 * The one permission document of the identity pool's authenticated role: list and read the gallery
 * buckets, nothing else. The emulator enforces it on every S3 request and the CDK stack attaches it to
 * the real role, so what is denied locally is denied on AWS (the seed's role had `s3:*` on `*`).
 */
export interface PolicyStatement {
  Sid: string;
  Effect: 'Allow' | 'Deny';
  Action: string[];
  Resource: string[];
}

export interface PolicyDocument {
  Version: '2012-10-17';
  Statement: PolicyStatement[];
}

export interface GalleryReadPolicyInput {
  /** `arn:aws:s3:::bucket-name` for each gallery bucket (CDK passes tokens here). */
  bucketArns: string[];
  /** `arn:aws:s3:region:account:accesspoint/name` for each access point the app may use instead. */
  accessPointArns?: string[];
}

export function bucketArn(bucketName: string, partition = 'aws'): string {
  return `arn:${partition}:s3:::${bucketName}`;
}

export function galleryReadPolicy({ bucketArns, accessPointArns = [] }: GalleryReadPolicyInput): PolicyDocument {
  const statements: PolicyStatement[] = [
    { Sid: 'ListGalleryBuckets', Effect: 'Allow', Action: ['s3:ListBucket'], Resource: [...bucketArns] },
    {
      Sid: 'ReadGalleryObjects',
      Effect: 'Allow',
      Action: ['s3:GetObject'],
      Resource: bucketArns.map((arn) => `${arn}/*`),
    },
  ];
  if (accessPointArns.length > 0) {
    statements.push(
      { Sid: 'ListThroughAccessPoints', Effect: 'Allow', Action: ['s3:ListBucket'], Resource: [...accessPointArns] },
      {
        Sid: 'ReadThroughAccessPoints',
        Effect: 'Allow',
        Action: ['s3:GetObject'],
        Resource: accessPointArns.map((arn) => `${arn}/object/*`),
      },
    );
  }
  return { Version: '2012-10-17', Statement: statements };
}
