import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface PublishedContracts {
  pacticipantName: string;
  pacticipantVersionNumber: string;
  branch?: string;
  tags?: string[];
  contracts: {
    consumerName: string;
    providerName: string;
    specification: string;
    contentType: string;
    content: string;
  }[];
}

export interface VerificationResult {
  provider: string;
  providerVersion: string;
  consumer: string;
  /** The consumer versions whose pact (by content) the result is for. */
  consumerVersions: string[];
  success: boolean;
}

interface Version {
  number: string;
  branches: Set<string>;
  tags: Set<string>;
  environments: Set<string>;
  createdAt: number;
}

interface Pacticipant {
  name: string;
  mainBranch?: string;
  versions: Map<string, Version>;
}

interface PublishedPact {
  consumer: string;
  provider: string;
  consumerVersion: string;
  /** The pact's content hash: the broker's pact version; one content may belong to many consumer versions. */
  sha: string;
  content: Record<string, unknown>;
  publishedAt: number;
}

type Selector = Record<string, unknown>;

export interface StandInBroker {
  url: string;
  received: PublishedContracts[];
  verifications: VerificationResult[];
  /** The Authorization header of every request, in order. */
  authorizations: string[];
  close(): Promise<void>;
}

/** The environments a new Pact Broker is seeded with. */
const environments = [
  { uuid: 'a5b7c0de-0000-4000-8000-000000000001', name: 'test', production: false },
  { uuid: 'a5b7c0de-0000-4000-8000-000000000002', name: 'production', production: true },
];
/** The branch names the Pact Broker takes as a pacticipant's main branch when none is set (autoDetectMainBranch). */
const mainBranchCandidates = ['develop', 'main', 'master'];
const knownSelectorKeys = new Set([
  'mainBranch',
  'branch',
  'matchingBranch',
  'fallbackBranch',
  'deployedOrReleased',
  'deployed',
  'released',
  'environment',
  'tag',
  'fallbackTag',
  'latest',
  'consumer',
]);

/**
 * A stand-in for a Pact Broker on loopback, for the official clients to talk to: the Rust Pact verifier (pacts for
 * verification, verification results, the provider's branch) and the `pact-broker` client of pact-cli (publish,
 * record-deployment, can-i-deploy). It follows the Pact Broker's HAL relations and resources as far as those clients
 * use them; no real broker can be installed here (a Ruby application). What it does not do is listed in the README.
 */
export async function startStandInBroker(): Promise<StandInBroker> {
  const received: PublishedContracts[] = [];
  const verifications: VerificationResult[] = [];
  const authorizations: string[] = [];
  const pacticipants = new Map<string, Pacticipant>();
  const pacts: PublishedPact[] = [];
  let clock = 0;
  let base = '';

  const pacticipant = (name: string): Pacticipant => {
    if (!pacticipants.has(name)) pacticipants.set(name, { name, versions: new Map() });
    return pacticipants.get(name)!;
  };
  const version = (name: string, number: string): Version => {
    const p = pacticipant(name);
    if (!p.versions.has(number))
      p.versions.set(number, {
        number,
        branches: new Set(),
        tags: new Set(),
        environments: new Set(),
        createdAt: ++clock,
      });
    return p.versions.get(number)!;
  };
  const onBranch = (name: string, number: string, branch: string) => {
    version(name, number).branches.add(branch);
    const p = pacticipant(name);
    if (!p.mainBranch && mainBranchCandidates.includes(branch)) p.mainBranch = branch;
  };
  const latestFirst = (versions: Iterable<Version>) => [...versions].sort((a, b) => b.createdAt - a.createdAt);
  const pactOf = (consumer: string, provider: string, consumerVersion: string) =>
    pacts
      .filter((p) => p.consumer === consumer && p.provider === provider && p.consumerVersion === consumerVersion)
      .at(-1);
  const pactUrl = (p: PublishedPact) =>
    `${base}/pacts/provider/${encodeURIComponent(p.provider)}/consumer/${encodeURIComponent(p.consumer)}/pact-version/${p.sha}`;
  const verified = (sha: string, providerVersion: string) =>
    verifications
      .filter(
        (v) =>
          v.providerVersion === providerVersion &&
          pacts.some(
            (p) => p.sha === sha && v.consumer === p.consumer && v.consumerVersions.includes(p.consumerVersion),
          ),
      )
      .at(-1);
  // Pending until a provider version of the branch given (of any branch, without one) has verified it successfully.
  const pending = (pact: PublishedPact, providerBranch?: string) =>
    ![...pacticipant(pact.provider).versions.values()].some(
      (v) => (!providerBranch || v.branches.has(providerBranch)) && verified(pact.sha, v.number)?.success,
    );

  /** The consumer versions a selector picks, for one consumer of the provider. */
  const select = (consumer: Pacticipant, s: Selector, providerBranch?: string): Version[] => {
    const all = latestFirst(consumer.versions.values());
    const latestOr = (list: Version[]) => (s.latest === false ? list : list.slice(0, 1));
    if (s.mainBranch)
      return consumer.mainBranch ? all.filter((v) => v.branches.has(consumer.mainBranch!)).slice(0, 1) : [];
    if (typeof s.branch === 'string') {
      const on = all.filter((v) => v.branches.has(s.branch as string));
      return latestOr(
        on.length || typeof s.fallbackBranch !== 'string'
          ? on
          : all.filter((v) => v.branches.has(s.fallbackBranch as string)),
      );
    }
    if (s.matchingBranch) return providerBranch ? all.filter((v) => v.branches.has(providerBranch)).slice(0, 1) : [];
    if (s.deployedOrReleased || s.deployed)
      return all.filter((v) =>
        typeof s.environment === 'string' ? v.environments.has(s.environment) : v.environments.size > 0,
      );
    if (typeof s.tag === 'string') return latestOr(all.filter((v) => v.tags.has(s.tag as string)));
    return all.slice(0, 1);
  };
  const describe = (s: Selector) =>
    Object.entries(s)
      .map(([k, v]) => (v === true ? k : `${k} ${String(v)}`))
      .join(', ');

  const forVerification = (
    provider: string,
    request: {
      consumerVersionSelectors?: Selector[];
      providerVersionBranch?: string;
      includePendingStatus?: boolean;
      includeWipPactsSince?: string;
    },
  ) => {
    const selectors = request.consumerVersionSelectors?.length ? request.consumerVersionSelectors : [{ latest: true }];
    const bad = selectors.flatMap((s) =>
      Object.keys(s)
        .filter((k) => !knownSelectorKeys.has(k))
        .map((k) => `consumerVersionSelectors: unknown key ${k}`),
    );
    if (bad.length) return { status: 400, body: { errors: bad } };
    const chosen = new Map<string, { pact: PublishedPact; why: string[] }>();
    const consumers = [...new Set(pacts.filter((p) => p.provider === provider).map((p) => p.consumer))].map(
      pacticipant,
    );
    for (const s of selectors) {
      for (const consumer of consumers.filter((c) => typeof s.consumer !== 'string' || c.name === s.consumer)) {
        for (const v of select(consumer, s, request.providerVersionBranch)) {
          const pact = pactOf(consumer.name, provider, v.number);
          if (!pact) continue;
          const entry = chosen.get(pact.sha) ?? { pact, why: [] };
          entry.why.push(`${describe(s)} (${consumer.name} ${v.number})`);
          chosen.set(pact.sha, entry);
        }
      }
    }
    const entries = [...chosen.values()].map(({ pact, why }) => ({ pact, why, wip: false }));
    // Work in progress: the latest pact of each consumer branch, published since the date, not selected, still pending.
    if (request.includePendingStatus && request.includeWipPactsSince) {
      const since = Date.parse(request.includeWipPactsSince);
      for (const consumer of consumers) {
        for (const branch of new Set([...consumer.versions.values()].flatMap((v) => [...v.branches]))) {
          const latest = latestFirst(consumer.versions.values()).find((v) => v.branches.has(branch));
          const pact = latest && pactOf(consumer.name, provider, latest.number);
          if (
            pact &&
            pact.publishedAt >= since &&
            !chosen.has(pact.sha) &&
            !entries.some((e) => e.pact.sha === pact.sha) &&
            pending(pact, request.providerVersionBranch)
          ) {
            entries.push({ pact, why: [`work in progress on branch ${branch}`], wip: true });
          }
        }
      }
    }
    return {
      status: 200,
      body: {
        _embedded: {
          pacts: entries.map(({ pact, why, wip }) => {
            const isPending = !!request.includePendingStatus && pending(pact, request.providerVersionBranch);
            return {
              shortDescription: `${pact.consumer} ${pact.consumerVersion}${wip ? ' (work in progress)' : ''}`,
              verificationProperties: {
                pending: isPending,
                ...(wip ? { wip: true } : {}),
                notices: [
                  {
                    when: 'before_verification',
                    text: `The pact at ${pactUrl(pact)} is being verified because it matches: ${why.join('; ')}.`,
                  },
                  ...(request.includePendingStatus
                    ? [
                        {
                          when: 'before_verification',
                          text: isPending
                            ? 'This pact is in pending state: a failure will not fail the verification.'
                            : 'This pact is not pending: it has been verified successfully before.',
                        },
                      ]
                    : []),
                ],
              },
              _links: {
                self: {
                  href: pactUrl(pact),
                  name: `Pact between ${pact.consumer} (${pact.consumerVersion}) and ${pact.provider}`,
                },
              },
            };
          }),
        },
        _links: { self: { href: `${base}/pacts/provider/${encodeURIComponent(provider)}/for-verification` } },
      },
    };
  };

  /** can-i-deploy: the verification of each pact between the version asked about and its counterparts. */
  const matrix = (name: string, number: string, environment?: string) => {
    const inScope = (p: Pacticipant) =>
      latestFirst(p.versions.values())
        .filter((v) => (environment ? v.environments.has(environment) : true))
        .slice(0, environment ? undefined : 1);
    const rows: {
      consumer: string;
      consumerVersion: string;
      provider: string;
      providerVersion: string;
      success?: boolean;
    }[] = [];
    for (const provider of new Set(
      pacts.filter((p) => p.consumer === name && p.consumerVersion === number).map((p) => p.provider),
    )) {
      const pact = pactOf(name, provider, number)!;
      for (const pv of inScope(pacticipant(provider)))
        rows.push({
          consumer: name,
          consumerVersion: number,
          provider,
          providerVersion: pv.number,
          success: verified(pact.sha, pv.number)?.success,
        });
    }
    for (const consumer of new Set(pacts.filter((p) => p.provider === name).map((p) => p.consumer))) {
      for (const cv of inScope(pacticipant(consumer))) {
        const pact = pactOf(consumer, name, cv.number);
        if (pact)
          rows.push({
            consumer,
            consumerVersion: cv.number,
            provider: name,
            providerVersion: number,
            success: verified(pact.sha, number)?.success,
          });
      }
    }
    const failed = rows.filter((r) => r.success === false);
    const unknown = rows.filter((r) => r.success === undefined);
    const deployable = failed.length === 0 && unknown.length === 0;
    const pair = (r: (typeof rows)[number]) =>
      `${r.consumer} ${r.consumerVersion} and ${r.provider} ${r.providerVersion}`;
    const reason = deployable
      ? 'All required verification results are published and successful'
      : failed.length
        ? `The verification for the pact between ${failed.map(pair).join(', ')} failed`
        : `There is no verified pact between ${unknown.map(pair).join(', ')}`;
    return {
      summary: {
        deployable,
        reason,
        success: rows.length - failed.length - unknown.length,
        failed: failed.length,
        unknown: unknown.length,
      },
      notices: [{ type: deployable ? 'success' : 'error', text: reason }],
      matrix: rows.map((r) => ({
        consumer: { name: r.consumer, version: { number: r.consumerVersion } },
        provider: { name: r.provider, version: { number: r.providerVersion } },
        pact: { createdAt: new Date().toISOString() },
        ...(r.success === undefined
          ? {}
          : {
              verificationResult: {
                success: r.success,
                verifiedAt: new Date().toISOString(),
                _links: {
                  self: {
                    href: `${base}/verification-results/${encodeURIComponent(r.provider)}/${encodeURIComponent(r.providerVersion)}`,
                  },
                },
              },
            }),
      })),
    };
  };

  const route = (req: IncomingMessage, body: string): { status?: number; body: unknown } => {
    const url = new URL(req.url ?? '/', base);
    const parts = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
    const json = () => JSON.parse(body || '{}') as Record<string, unknown>;
    if (req.method === 'GET' && parts.length === 0) {
      return {
        body: {
          _links: {
            self: { href: base },
            'pb:publish-contracts': { href: `${base}/contracts/publish`, title: 'Publish contracts' },
            'pb:provider-pacts-for-verification': {
              href: `${base}/pacts/provider/{provider}/for-verification`,
              templated: true,
              title: 'Pacts to be verified by a provider',
            },
            'pb:pacticipant-version': {
              href: `${base}/pacticipants/{pacticipant}/versions/{version}`,
              templated: true,
            },
            'pb:environments': { href: `${base}/environments` },
          },
        },
      };
    }
    if (req.method === 'POST' && url.pathname === '/contracts/publish') {
      const published = json() as unknown as PublishedContracts;
      received.push(published);
      const v = version(published.pacticipantName, published.pacticipantVersionNumber);
      if (published.branch) onBranch(published.pacticipantName, v.number, published.branch);
      for (const tag of published.tags ?? []) v.tags.add(tag);
      for (const contract of published.contracts) {
        const text = Buffer.from(contract.content, 'base64').toString('utf8');
        const content = JSON.parse(text) as Record<string, unknown>;
        // The broker's pact version: the content without the metadata a client stamps on every publication.
        const sha = createHash('sha1')
          .update(JSON.stringify({ ...content, metadata: undefined }))
          .digest('hex');
        pacticipant(contract.providerName);
        pacts.push({
          consumer: contract.consumerName,
          provider: contract.providerName,
          consumerVersion: v.number,
          sha,
          content,
          publishedAt: Date.now(),
        });
      }
      const consumerUrl = `${base}/pacticipants/${encodeURIComponent(published.pacticipantName)}`;
      const versionUrl = `${consumerUrl}/versions/${encodeURIComponent(v.number)}`;
      return {
        body: {
          notices: [{ type: 'success', text: `Created ${published.pacticipantName} version ${v.number}` }],
          logs: [],
          _embedded: {
            pacticipant: { name: published.pacticipantName, _links: { self: { href: consumerUrl } } },
            version: { number: v.number, _links: { self: { href: versionUrl, title: 'Version', name: v.number } } },
          },
          _links: {
            'pb:pacticipant': { href: consumerUrl, title: 'Pacticipant', name: published.pacticipantName },
            'pb:pacticipant-version': { href: versionUrl, title: 'Pacticipant version', name: v.number },
            'pb:pacticipant-version-tags': [...v.tags].map((tag) => ({
              href: `${versionUrl}/tags/${encodeURIComponent(tag)}`,
              title: 'Tag',
              name: tag,
            })),
            'pb:contracts': published.contracts.map((c) => {
              const pact = pacts
                .filter(
                  (p) =>
                    p.consumer === c.consumerName && p.provider === c.providerName && p.consumerVersion === v.number,
                )
                .at(-1)!;
              return {
                href: pactUrl(pact),
                title: 'Pact',
                name: `Pact between ${c.consumerName} (${v.number}) and ${c.providerName}`,
              };
            }),
          },
        },
      };
    }
    if (req.method === 'GET' && url.pathname === '/environments') {
      return {
        body: {
          _embedded: {
            environments: environments.map((e) => ({
              ...e,
              displayName: e.name,
              _links: { self: { href: `${base}/environments/${e.uuid}` } },
            })),
          },
          _links: { self: { href: `${base}/environments` } },
        },
      };
    }
    if (parts[0] === 'pacts' && parts[1] === 'provider' && parts[3] === 'for-verification') {
      if (req.method === 'GET')
        return {
          body: {
            _links: { self: { href: `${base}/pacts/provider/${encodeURIComponent(parts[2]!)}/for-verification` } },
          },
        };
      return forVerification(parts[2]!, json());
    }
    if (parts[0] === 'pacts' && parts[3] === 'consumer' && parts[5] === 'pact-version') {
      const pact = pacts.find((p) => p.provider === parts[2] && p.consumer === parts[4] && p.sha === parts[6]);
      if (!pact) return { status: 404, body: { error: 'no such pact' } };
      if (req.method === 'GET' && parts.length === 7) {
        return {
          body: {
            ...pact.content,
            _links: {
              self: { href: pactUrl(pact) },
              'pb:publish-verification-results': {
                href: `${pactUrl(pact)}/verification-results`,
                title: 'Publish verification results',
              },
              'pb:provider': { href: `${base}/pacticipants/${encodeURIComponent(pact.provider)}` },
              'pb:consumer': { href: `${base}/pacticipants/${encodeURIComponent(pact.consumer)}` },
            },
          },
        };
      }
      if (req.method === 'POST' && parts[7] === 'verification-results') {
        const result = json() as { success?: unknown; providerApplicationVersion?: unknown };
        if (typeof result.success !== 'boolean' || typeof result.providerApplicationVersion !== 'string') {
          return {
            status: 400,
            body: { errors: { success: ['must be true or false'], providerApplicationVersion: ['is required'] } },
          };
        }
        version(pact.provider, result.providerApplicationVersion);
        const consumerVersions = pacts
          .filter((p) => p.sha === pact.sha && p.consumer === pact.consumer)
          .map((p) => p.consumerVersion);
        verifications.push({
          provider: pact.provider,
          providerVersion: result.providerApplicationVersion,
          consumer: pact.consumer,
          consumerVersions,
          success: result.success,
        });
        return {
          status: 201,
          body: {
            success: result.success,
            providerApplicationVersion: result.providerApplicationVersion,
            _links: { self: { href: `${pactUrl(pact)}/verification-results/${verifications.length}` } },
          },
        };
      }
    }
    if (parts[0] === 'pacticipants' && parts.length === 2 && req.method === 'GET') {
      if (!pacticipants.has(parts[1]!)) return { status: 404, body: { error: 'no such pacticipant' } };
      const p = pacticipant(parts[1]!);
      const self = `${base}/pacticipants/${encodeURIComponent(p.name)}`;
      return {
        body: {
          name: p.name,
          mainBranch: p.mainBranch ?? null,
          _links: {
            self: { href: self },
            'pb:branch-version': { href: `${self}/branches/{branch}/versions/{version}`, templated: true },
            'pb:version-tag': { href: `${self}/versions/{version}/tags/{tag}`, templated: true },
          },
        },
      };
    }
    if (parts[0] === 'pacticipants' && parts[2] === 'branches' && parts[4] === 'versions' && req.method === 'PUT') {
      onBranch(parts[1]!, parts[5]!, parts[3]!);
      return { body: { name: parts[3], _links: { self: { href: `${base}${url.pathname}` } } } };
    }
    if (parts[0] === 'pacticipants' && parts[2] === 'versions' && parts[4] === 'tags' && req.method === 'PUT') {
      version(parts[1]!, parts[3]!).tags.add(parts[5]!);
      return { body: { name: parts[5], _links: { self: { href: `${base}${url.pathname}` } } } };
    }
    if (parts[0] === 'pacticipants' && parts[2] === 'versions' && parts.length === 4 && req.method === 'GET') {
      const v = pacticipants.get(parts[1]!)?.versions.get(parts[3]!);
      if (!v) return { status: 404, body: { error: `no version ${parts[3]} of ${parts[1]}` } };
      const self = `${base}/pacticipants/${encodeURIComponent(parts[1]!)}/versions/${encodeURIComponent(v.number)}`;
      return {
        body: {
          number: v.number,
          _links: {
            self: { href: self },
            'pb:record-deployment': environments.map((e) => ({
              name: e.name,
              title: `Record deployment to ${e.name}`,
              href: `${self}/deployed-versions/environment/${e.uuid}`,
            })),
          },
        },
      };
    }
    if (
      parts[0] === 'pacticipants' &&
      parts[4] === 'deployed-versions' &&
      parts[5] === 'environment' &&
      req.method === 'POST'
    ) {
      const environment = environments.find((e) => e.uuid === parts[6]);
      const v = pacticipants.get(parts[1]!)?.versions.get(parts[3]!);
      if (!environment || !v) return { status: 404, body: { error: 'no such version or environment' } };
      // One version of an application is deployed to an environment at a time (no target, no application instance).
      for (const other of pacticipant(parts[1]!).versions.values()) other.environments.delete(environment.name);
      v.environments.add(environment.name);
      return {
        status: 201,
        body: {
          currentlyDeployed: true,
          _embedded: { version: { number: v.number }, environment: { name: environment.name } },
          _links: { self: { href: `${base}${url.pathname}` } },
        },
      };
    }
    if (req.method === 'GET' && url.pathname === '/matrix') {
      const asked = url.searchParams.getAll('q[][pacticipant]');
      const versions = url.searchParams.getAll('q[][version]');
      if (asked.length !== 1 || versions.length !== 1)
        return { status: 400, body: { errors: ['the stand-in answers can-i-deploy for one pacticipant version'] } };
      return { body: matrix(asked[0]!, versions[0]!, url.searchParams.get('environment') ?? undefined) };
    }
    return { status: 404, body: { error: `the stand-in broker has no ${req.method} ${url.pathname}` } };
  };

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', () => {
      authorizations.push(req.headers.authorization ?? '');
      let answer: { status?: number; body: unknown };
      try {
        answer = route(req, body);
      } catch (error) {
        answer = { status: 400, body: { errors: [String(error)] } };
      }
      res.statusCode = answer.status ?? 200;
      res.setHeader('content-type', 'application/hal+json');
      res.end(JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: base,
    received,
    verifications,
    authorizations,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
