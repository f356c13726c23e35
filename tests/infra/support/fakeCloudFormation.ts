import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A stand-in for CloudFormation's DescribeStacks only (the emulator does not model CloudFormation), so the
 * scripts' real SDK client can be tested over HTTP: AWS query protocol in, the XML CloudFormation answers
 * out, including its ValidationError for an unknown stack. Listens on 127.0.0.1 only.
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/API_DescribeStacks.html
 */
export interface FakeStack {
  status: string;
  outputs: Record<string, string>;
}

export interface FakeCloudFormation {
  url: string;
  /** Stack names asked for, in order, with whether the request was SigV4-signed. */
  requests: { stackName: string; signed: boolean }[];
  close(): Promise<void>;
}

const xmlEscape = (value: string): string =>
  value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function describeStacksXml(name: string, stack: FakeStack): string {
  const outputs = Object.entries(stack.outputs)
    .map(([key, value]) => `<member><OutputKey>${xmlEscape(key)}</OutputKey><OutputValue>${xmlEscape(value)}</OutputValue></member>`)
    .join('');
  return `<DescribeStacksResponse xmlns="http://cloudformation.amazonaws.com/doc/2010-05-15/"><DescribeStacksResult><Stacks><member>
<StackName>${xmlEscape(name)}</StackName><StackId>arn:aws:cloudformation:ap-northeast-1:123456789012:stack/${xmlEscape(name)}/0</StackId>
<CreationTime>2026-01-01T00:00:00.000Z</CreationTime><StackStatus>${stack.status}</StackStatus><Outputs>${outputs}</Outputs>
</member></Stacks></DescribeStacksResult><ResponseMetadata><RequestId>fake-request</RequestId></ResponseMetadata></DescribeStacksResponse>`;
}

function errorXml(code: string, message: string): string {
  return `<ErrorResponse xmlns="http://cloudformation.amazonaws.com/doc/2010-05-15/"><Error><Type>Sender</Type><Code>${code}</Code><Message>${xmlEscape(message)}</Message></Error><RequestId>fake-request</RequestId></ErrorResponse>`;
}

export async function startFakeCloudFormation(stacks: Map<string, FakeStack>): Promise<FakeCloudFormation> {
  const requests: FakeCloudFormation['requests'] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
      const stackName = form.get('StackName') ?? '';
      const signed = (req.headers.authorization ?? '').startsWith('AWS4-HMAC-SHA256 Credential=');
      requests.push({ stackName, signed });
      const reply = (status: number, body: string): void => {
        res.writeHead(status, { 'content-type': 'text/xml', 'x-amzn-requestid': 'fake-request' });
        res.end(body);
      };
      if (req.method !== 'POST' || form.get('Action') !== 'DescribeStacks') return reply(400, errorXml('InvalidAction', 'Only DescribeStacks'));
      if (!signed) return reply(403, errorXml('MissingAuthenticationToken', 'Request is missing Authentication Token'));
      const stack = stacks.get(stackName);
      if (!stack) return reply(400, errorXml('ValidationError', `Stack with id ${stackName} does not exist`));
      return reply(200, describeStacksXml(stackName, stack));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
