import UAParser from 'ua-parser-js';
import type { Value } from '../expression/values.js';
import { textOrNull } from './args.js';
import { param, type FunctionDef } from './registry-types.js';

// EN/FR `help/data-prep/functions.md` §"User agent functions". Adobe's values (device classes such
// as Phone, Tablet, Desktop; names such as "Safari") are those of the YAUAA analyzer; this uses
// ua-parser-js and maps its names onto them. Unknown names are "Unknown" and unknown versions
// "??", YAUAA's conventions (inference).
type Parsed = { osName: string; osVersion: string; agentName: string; agentVersion: string; deviceClass: string };

const UNKNOWN = 'Unknown';
const UNKNOWN_VERSION = '??';
const cache = new Map<string, Parsed>();

/** ua-parser-js device types → the device classes of the docs' appendix. */
const DEVICE_CLASSES: Record<string, string> = {
  mobile: 'Phone',
  tablet: 'Tablet',
  smarttv: 'TV',
  wearable: 'Watch',
  console: 'Game Console',
  xr: 'Virtual Reality',
  embedded: 'Unknown',
};
const DESKTOP_OS =
  /^(Windows|Mac OS|macOS|Linux|Ubuntu|Debian|Fedora|Chrom(ium )?OS|FreeBSD|OpenBSD|Solaris|Mint|Arch|Gentoo|SUSE|Red Hat|CentOS)/;
const ROBOT = /bot\b|crawler|spider|crawling|slurp|facebookexternalhit/i;

function parse(ua: string): Parsed {
  let parsed = cache.get(ua);
  if (parsed === undefined) {
    const r = new UAParser(ua).getResult();
    parsed = {
      osName: r.os.name ?? UNKNOWN,
      osVersion: r.os.version ?? UNKNOWN_VERSION,
      // "Mobile Safari" → "Safari", as Adobe's sample ua_agent_name(iPhone Safari) = "Safari".
      agentName: r.browser.name?.replace(/^Mobile /, '') ?? UNKNOWN,
      agentVersion: r.browser.version ?? UNKNOWN_VERSION,
      deviceClass: deviceClass(ua, r.device.type, r.os.name),
    };
    if (cache.size >= 512) cache.clear();
    cache.set(ua, parsed);
  }
  return parsed;
}

function deviceClass(ua: string, type: string | undefined, os: string | undefined): string {
  if (ROBOT.test(ua)) return 'Robot';
  if (type !== undefined) return DEVICE_CLASSES[type] ?? UNKNOWN;
  if (os === 'Android' || os === 'iOS') return 'Mobile';
  return os !== undefined && DESKTOP_OS.test(os) ? 'Desktop' : UNKNOWN;
}

const major = (version: string): string => (version === UNKNOWN_VERSION ? version : (version.split('.')[0] ?? version));

const SAMPLE_UA =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 5_1_1 like Mac OS X) AppleWebKit/534.46 (KHTML, like Gecko) Version/5.1 Mobile/9B206 Safari/7534.48.3';

function uaDef(name: string, description: string, result: string, get: (p: Parsed) => string): FunctionDef {
  return {
    name,
    category: 'User agent',
    description,
    syntax: `String ${name}(String)`,
    returns: 'The extracted value, or null when the user agent is null.',
    returnType: 'java.lang.String',
    example: `${name}("${SAMPLE_UA}")`,
    result,
    params: [param('userAgent', 'The user agent string.', 'string')],
    arity: [1, 1],
    impl: ([value]: Value[]) => {
      const ua = textOrNull(value, `${name} input`);
      return ua === null ? null : get(parse(ua));
    },
  };
}

export const USER_AGENT_FUNCTIONS: FunctionDef[] = [
  uaDef('ua_os_name', 'Extracts the operating system name from the user agent string.', '"iOS"', (p) => p.osName),
  uaDef(
    'ua_os_version_major',
    "Extracts the operating system's name and major version from the user agent string.",
    '"iOS 5"',
    (p) => `${p.osName} ${major(p.osVersion)}`,
  ),
  uaDef(
    'ua_os_version',
    "Extracts the operating system's version from the user agent string.",
    '"5.1.1"',
    (p) => p.osVersion,
  ),
  uaDef(
    'ua_os_name_version',
    "Extracts the operating system's name and version from the user agent string.",
    '"iOS 5.1.1"',
    (p) => `${p.osName} ${p.osVersion}`,
  ),
  uaDef('ua_agent_version', 'Extracts the agent version from the user agent string.', '"5.1"', (p) => p.agentVersion),
  uaDef(
    'ua_agent_version_major',
    'Extracts the agent name and major version from the user agent string.',
    '"Safari 5"',
    (p) => `${p.agentName} ${major(p.agentVersion)}`,
  ),
  uaDef('ua_agent_name', 'Extracts the agent name from the user agent string.', '"Safari"', (p) => p.agentName),
  uaDef('ua_device_class', 'Extracts the device class from the user agent string.', '"Phone"', (p) => p.deviceClass),
];
