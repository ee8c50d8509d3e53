// The project's own manifest check (the online validator is unreachable on 内网): well-formed XML,
// element order and required elements per the schema, resource ids defined and of the right kind,
// every URL https on one origin, string and id length limits, icons of the declared size, an
// English override for every Chinese string, and a consistent shared runtime.
import { parseXml, typeOf, walk, XmlSyntaxError } from './xml';
import type { XmlElement } from './xml';
import {
  BASIC_TYPE_ELEMENTS, ICON_SIZES, LIMITS, MANDATORY_ICON_SIZES, NS, PERMISSIONS, RESOURCE_GROUPS, residKind, sequenceFor,
} from './manifest-schema';
import type { ResourceKind } from './manifest-schema';
import { readPngSize } from './png';

export type ManifestRule = 'xml' | 'structure' | 'order' | 'resid' | 'url' | 'length' | 'icon' | 'locale' | 'runtime';
export type ManifestProblem = { rule: ManifestRule; message: string; line: number | null };

export type ManifestCheckOptions = {
  /** When set, every URL must start with this (e.g. the production ADDIN_URL). */
  expectedBaseUrl?: string;
  /** The bytes of the file a URL names, or null when there is none; icons are checked only with it. */
  readFile?: (url: string) => Uint8Array | null;
  /** With readFile: every URL (but AppDomains) must name an existing file, as in a built dist/. */
  requireFiles?: boolean;
};

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
const GUID = /^(urn:uuid:)?[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const VERSION = /^[0-9]{1,5}(\.[0-9]{1,5}){0,3}$/;

export function checkManifest(xml: string, options: ManifestCheckOptions = {}): ManifestProblem[] {
  let root: XmlElement;
  try {
    root = parseXml(xml);
  } catch (error) {
    if (error instanceof XmlSyntaxError) return [{ rule: 'xml', message: error.message, line: error.line }];
    throw error;
  }
  const problems: ManifestProblem[] = [];
  const report = (rule: ManifestRule, message: string, at: XmlElement | null) =>
    problems.push({ rule, message, line: at ? at.line : null });

  if (root.local !== 'OfficeApp' || root.ns !== NS.app) {
    report('structure', `the root must be <OfficeApp xmlns="${NS.app}">, not <${root.qname}>`, root);
    return problems;
  }
  if (typeOf(root) !== 'TaskPaneApp') report('structure', 'OfficeApp xsi:type must be TaskPaneApp', root);

  checkOrderAndNamespaces(root, report);
  checkBasics(root, report);
  const resources = checkResources(root, report);
  checkUrls(root, options, report);
  checkIcons(root, resources, options, report);
  checkRuntime(root, report);
  return problems;
}

type Report = (rule: ManifestRule, message: string, at: XmlElement | null) => void;
type Resource = { kind: ResourceKind; element: XmlElement; used: boolean };

function checkOrderAndNamespaces(root: XmlElement, report: Report) {
  for (const [element, ancestors] of walk(root)) {
    const inOverrides = ancestors.some((a) => a.local === 'VersionOverrides') || (element.local === 'VersionOverrides' && ancestors.length > 0);
    const expectedNs = !inOverrides ? NS.app : BASIC_TYPE_ELEMENTS.has(element.local) ? NS.basic : NS.overrides;
    if (element.ns !== expectedNs) report('structure', `<${element.qname}> must be in namespace ${expectedNs}`, element);
    const slots = sequenceFor(element, inOverrides);
    if (!slots) continue;
    let last = -1;
    for (const child of element.children) {
      const index = slots.findIndex((s) => s.name === child.local);
      if (index < 0) {
        report('order', `<${child.qname}> is not a valid child of <${element.qname}>`, child);
      } else if (index < last) {
        report('order', `<${child.qname}> must come before <${slots[last].name}> in <${element.qname}>`, child);
      } else {
        last = index;
      }
    }
    for (const slot of slots) {
      if (slot.required && !element.children.some((c) => c.local === slot.name)) {
        report('order', `<${element.qname}> needs a <${slot.name}>`, element);
      }
    }
  }
}

const child = (element: XmlElement | undefined, local: string) => element?.children.find((c) => c.local === local);

function checkLength(value: string | undefined, max: number, what: string, at: XmlElement, report: Report) {
  if (value === undefined) return report('structure', `${what} is missing`, at);
  if (value.length === 0) report('length', `${what} is empty`, at);
  // Characters as XML Schema counts them: code points, so a Chinese character counts once.
  const length = [...value].length;
  if (length > max) report('length', `${what} has ${length} characters; at most ${max} are allowed`, at);
}

/** DefaultValue and each Override Value of a locale-aware setting, with an English override for Chinese. */
function checkLocaleAware(element: XmlElement, max: number, what: string, report: Report) {
  const value = element.attributes.DefaultValue;
  checkLength(value, max, `${what} DefaultValue`, element, report);
  const overrides = element.children.filter((c) => c.local === 'Override');
  for (const o of overrides) checkLength(o.attributes.Value, max, `${what} override for ${o.attributes.Locale}`, o, report);
  if (value !== undefined && CJK.test(value) && !overrides.some((o) => o.attributes.Locale?.toLowerCase() === 'en-us')) {
    report('locale', `${what} is Chinese but has no en-US override`, element);
  }
}

function checkBasics(root: XmlElement, report: Report) {
  const id = child(root, 'Id');
  if (id && !GUID.test(id.text)) report('structure', `Id "${id.text}" is not a GUID`, id);
  const version = child(root, 'Version');
  if (version && !VERSION.test(version.text)) report('structure', `Version "${version.text}" must look like 1.0.0.0`, version);
  const provider = child(root, 'ProviderName');
  if (provider) checkLength(provider.text, LIMITS.short, 'ProviderName', provider, report);
  const displayName = child(root, 'DisplayName');
  if (displayName) checkLocaleAware(displayName, LIMITS.short, 'DisplayName', report);
  const description = child(root, 'Description');
  if (description) checkLocaleAware(description, LIMITS.long, 'Description', report);
  const permissions = child(root, 'Permissions');
  if (permissions && !(PERMISSIONS as readonly string[]).includes(permissions.text)) {
    report('structure', `Permissions "${permissions.text}" is not one of ${PERMISSIONS.join(', ')}`, permissions);
  }
  for (const [element] of walk(root)) {
    if ((element.local === 'Group' || element.local === 'Control') && element.attributes.id !== undefined) {
      checkLength(element.attributes.id, LIMITS.short, `<${element.qname}> id`, element, report);
    }
  }
}

function checkResources(root: XmlElement, report: Report): Map<string, Resource> {
  const resources = new Map<string, Resource>();
  const overrides = child(root, 'VersionOverrides');
  for (const group of child(overrides, 'Resources')?.children ?? []) {
    const kind = RESOURCE_GROUPS[group.local];
    if (!kind) continue;
    for (const item of group.children) {
      const id = item.attributes.id;
      checkLength(id, LIMITS.referenceId, `resource id in <${group.qname}>`, item, report);
      if (id === undefined) continue;
      if (resources.has(id)) report('resid', `resource id "${id}" is defined twice`, item);
      resources.set(id, { kind, element: item, used: false });
      if (kind === 'short' || kind === 'long') {
        checkLocaleAware(item, kind === 'short' ? LIMITS.short : LIMITS.long, `string "${id}"`, report);
      }
    }
  }
  for (const [element, ancestors] of walk(root)) {
    const resid = element.attributes.resid;
    if (resid === undefined) continue;
    checkLength(resid, LIMITS.referenceId, `resid on <${element.qname}>`, element, report);
    const resource = resources.get(resid);
    if (!resource) {
      report('resid', `resid "${resid}" on <${element.qname}> is not defined in <Resources>`, element);
      continue;
    }
    resource.used = true;
    const kind = residKind(element, ancestors[ancestors.length - 1]);
    if (kind && kind !== resource.kind) {
      report('resid', `<${element.qname}> needs a ${kind} resource but "${resid}" is a ${resource.kind} resource`, element);
    }
  }
  for (const [id, resource] of resources) {
    if (!resource.used) report('resid', `resource "${id}" is defined but never used`, resource.element);
  }
  return resources;
}

/** Every URL-valued attribute or text in the manifest, with the element it came from. */
function collectUrls(root: XmlElement): { url: string; at: XmlElement }[] {
  const urls: { url: string; at: XmlElement }[] = [];
  const add = (element: XmlElement) => {
    if (element.attributes.DefaultValue !== undefined) urls.push({ url: element.attributes.DefaultValue, at: element });
    for (const o of element.children) if (o.local === 'Override' && o.attributes.Value !== undefined) urls.push({ url: o.attributes.Value, at: o });
  };
  for (const name of ['IconUrl', 'HighResolutionIconUrl', 'SupportUrl']) {
    const element = child(root, name);
    if (element) add(element);
  }
  const source = child(child(root, 'DefaultSettings'), 'SourceLocation');
  if (source) add(source);
  for (const domain of child(root, 'AppDomains')?.children ?? []) urls.push({ url: domain.text, at: domain });
  const resources = child(child(root, 'VersionOverrides'), 'Resources');
  for (const group of resources?.children ?? []) {
    if (group.local === 'Images' || group.local === 'Urls') group.children.forEach(add);
  }
  return urls;
}

function checkUrls(root: XmlElement, options: ManifestCheckOptions, report: Report) {
  let origin: string | null = null;
  for (const { url, at } of collectUrls(root)) {
    if (url.length > LIMITS.url) report('length', `URL longer than ${LIMITS.url} characters`, at);
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      report('url', `"${url}" is not an absolute URL`, at);
      continue;
    }
    if (parsed.protocol !== 'https:') report('url', `"${url}" must use https`, at);
    origin ??= parsed.origin;
    if (parsed.origin !== origin) report('url', `"${url}" is not on the add-in's origin ${origin}`, at);
    const isDomain = at.local === 'AppDomain';
    if (options.requireFiles && options.readFile && !isDomain && !options.readFile(url)) {
      report('url', `"${url}" names no file in the build`, at);
    }
    if (options.expectedBaseUrl !== undefined) {
      const expected = isDomain ? new URL(options.expectedBaseUrl).origin : options.expectedBaseUrl;
      if (isDomain ? url.replace(/\/$/, '') !== expected : !url.startsWith(expected)) {
        report('url', `"${url}" does not start with ${expected}`, at);
      }
    }
  }
}

function checkIconFile(url: string | undefined, size: number, options: ManifestCheckOptions, at: XmlElement, report: Report) {
  if (!options.readFile || url === undefined) return;
  const bytes = options.readFile(url);
  if (!bytes) return report('icon', `icon ${url} does not exist`, at);
  const png = readPngSize(bytes);
  if (!png) return report('icon', `icon ${url} is not a PNG`, at);
  if (png.width !== size || png.height !== size) {
    report('icon', `icon ${url} is ${png.width}×${png.height} px; ${size}×${size} px expected`, at);
  }
}

function checkIcons(root: XmlElement, resources: Map<string, Resource>, options: ManifestCheckOptions, report: Report) {
  const iconUrl = child(root, 'IconUrl');
  if (iconUrl) checkIconFile(iconUrl.attributes.DefaultValue, 32, options, iconUrl, report);
  const highRes = child(root, 'HighResolutionIconUrl');
  if (highRes) checkIconFile(highRes.attributes.DefaultValue, 64, options, highRes, report);
  for (const [element] of walk(root)) {
    if (element.local !== 'Icon') continue;
    const sizes = element.children.map((image) => Number(image.attributes.size));
    for (const size of MANDATORY_ICON_SIZES) {
      if (!sizes.includes(size)) report('icon', `<Icon> has no ${size} px image (16, 32 and 80 are mandatory)`, element);
    }
    for (const image of element.children) {
      const size = Number(image.attributes.size);
      if (!(ICON_SIZES as readonly number[]).includes(size)) {
        report('icon', `image size "${image.attributes.size}" is not one of ${ICON_SIZES.join(', ')}`, image);
        continue;
      }
      const resource = resources.get(image.attributes.resid ?? '');
      if (resource?.kind === 'image') checkIconFile(resource.element.attributes.DefaultValue, size, options, image, report);
    }
  }
}

/** Shared runtime: the pane, the function file and the custom functions page must be one page. */
function checkRuntime(root: XmlElement, report: Report) {
  const host = child(child(child(root, 'VersionOverrides'), 'Hosts'), 'Host');
  const runtime = child(child(host, 'Runtimes'), 'Runtime');
  if (!runtime) return report('runtime', 'no <Runtimes><Runtime> in the Workbook host: pane and functions would not share a runtime', host ?? root);
  if (runtime.attributes.lifetime !== 'long') report('runtime', '<Runtime> needs lifetime="long"', runtime);
  const resid = runtime.attributes.resid;
  const functions = child(host, 'AllFormFactors')?.children.find((e) => typeOf(e) === 'CustomFunctions');
  const page = child(child(functions, 'Page'), 'SourceLocation');
  if (!functions) report('runtime', 'no CustomFunctions extension point in <AllFormFactors>', host ?? root);
  else if (page?.attributes.resid !== resid) report('runtime', `the custom functions <Page> must use the runtime's resid "${resid}"`, page ?? functions);
  const desktop = child(host, 'DesktopFormFactor');
  const functionFile = child(desktop, 'FunctionFile');
  if (functionFile && functionFile.attributes.resid !== resid) report('runtime', `<FunctionFile> must use the runtime's resid "${resid}"`, functionFile);
  for (const [element] of walk(desktop ?? runtime)) {
    if (element.local === 'Action' && typeOf(element) === 'ShowTaskpane') {
      const source = child(element, 'SourceLocation');
      if (source?.attributes.resid !== resid) report('runtime', `the task pane action must open the runtime's page "${resid}"`, source ?? element);
    }
  }
  const namespace = functions && child(functions, 'Namespace');
  if (functions && !namespace) report('runtime', 'the custom functions need a <Namespace>', functions);
}
