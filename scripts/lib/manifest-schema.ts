// What the Office add-in manifest schema (OfficeAppManifestV1_1.xsd, TaskPaneAppVersionOverridesV1_0.xsd,
// OfficeAppBasicTypesV1_0.xsd, as published in OfficeDev/office-js-docs-pr and [MS-OWEMXML]) says about a
// task pane add-in: the order of child elements, which are required, and the basic types' limits.
// Only the parts this add-in can use are listed; an element we do not know is reported, not guessed.
import type { XmlElement } from './xml';
import { typeOf } from './xml';

export const NS = {
  app: 'http://schemas.microsoft.com/office/appforoffice/1.1',
  overrides: 'http://schemas.microsoft.com/office/taskpaneappversionoverrides',
  basic: 'http://schemas.microsoft.com/office/officeappbasictypes/1.0',
  xsi: 'http://www.w3.org/2001/XMLSchema-instance',
} as const;

/** bt:ShortString, bt:LongString, bt:ReferenceId and bt:URL maximum lengths. */
export const LIMITS = { short: 125, long: 250, referenceId: 32, url: 2048 } as const;

/** Sizes a bt:Image in an Icon may declare; 16, 32 and 80 are mandatory. */
export const ICON_SIZES = [16, 20, 24, 32, 40, 48, 64, 80] as const;
export const MANDATORY_ICON_SIZES = [16, 32, 80] as const;

export const PERMISSIONS = ['Restricted', 'ReadDocument', 'ReadAllDocument', 'WriteDocument', 'ReadWriteDocument'] as const;

/** One entry of an xs:sequence; `required` when minOccurs ≥ 1. */
type Slot = { name: string; required: boolean };

/** 'Id!' is a required Id, 'AlternateId' an optional one. */
const seq = (...names: string[]): Slot[] =>
  names.map((n) => (n.endsWith('!') ? { name: n.slice(0, -1), required: true } : { name: n, required: false }));

const OFFICE_APP = seq(
  'Id!', 'AlternateId', 'Version!', 'ProviderName!', 'DefaultLocale!', 'DisplayName!', 'Description!', 'IconUrl',
  'HighResolutionIconUrl', 'SupportUrl', 'AppDomains', 'Hosts', 'Requirements', 'DefaultSettings!', 'Permissions!',
  'Dictionary', 'VersionOverrides', 'ExtendedOverrides',
);
const LOCALE_AWARE = seq('Override');
const VERSION_OVERRIDES = seq('Description', 'Requirements', 'Hosts', 'Resources', 'WebApplicationInfo', 'EquivalentAddins', 'VersionOverrides');
const FORM_FACTOR = seq('GetStarted', 'FunctionFile', 'ExtensionPoint!');

/**
 * The sequence the children of `element` must follow, or null when the element is a leaf or one this
 * checker does not model. `inOverrides` says whether the element sits inside <VersionOverrides>.
 */
export function sequenceFor(element: XmlElement, inOverrides: boolean): Slot[] | null {
  const type = typeOf(element);
  if (!inOverrides) {
    switch (element.local) {
      case 'OfficeApp': return OFFICE_APP;
      case 'DisplayName': case 'Description': case 'IconUrl': case 'HighResolutionIconUrl': case 'SupportUrl': return LOCALE_AWARE;
      case 'AppDomains': return seq('AppDomain');
      case 'Hosts': return seq('Host!');
      case 'Requirements': return seq('Sets', 'Methods');
      case 'Sets': return seq('Set!');
      case 'DefaultSettings': return seq('SourceLocation!', 'RequestedWidth', 'RequestedHeight');
      case 'SourceLocation': return LOCALE_AWARE;
      case 'VersionOverrides': return VERSION_OVERRIDES;
      default: return null;
    }
  }
  switch (element.local) {
    case 'VersionOverrides': return VERSION_OVERRIDES;
    case 'Requirements': return seq('Sets', 'Methods');
    case 'Sets': return seq('Set!');
    case 'Hosts': return seq('Host!');
    case 'Host': return seq('Runtimes', 'AllFormFactors', 'DesktopFormFactor');
    case 'Runtimes': return seq('Runtime!');
    case 'Runtime': return seq('Override');
    case 'AllFormFactors': return seq('ExtensionPoint');
    case 'DesktopFormFactor': return FORM_FACTOR;
    case 'GetStarted': return seq('Title!', 'Description!', 'LearnMoreUrl!');
    case 'ExtensionPoint':
      if (type === 'CustomFunctions') return seq('Script!', 'Page!', 'Metadata', 'Namespace');
      if (type === 'PrimaryCommandSurface') return seq('OfficeTab', 'CustomTab');
      if (type === 'ContextMenu') return seq('OfficeMenu!');
      return null;
    case 'Script': case 'Page': case 'Metadata': return seq('SourceLocation!');
    case 'OfficeTab': return seq('Group!');
    case 'CustomTab': return seq('Group!', 'Label!');
    case 'OfficeMenu': return seq('Control!');
    case 'Group': return seq('Label!', 'Icon!', 'Control!');
    case 'Control':
      if (type === 'Button') return seq('Label!', 'Supertip!', 'Icon!', 'Action!');
      if (type === 'Menu') return seq('Label!', 'Supertip!', 'Icon!', 'Items!');
      return null;
    case 'Items': return seq('Item!');
    case 'Item': return seq('Label!', 'Supertip!', 'Icon', 'Action!');
    case 'Supertip': return seq('Title!', 'Description!');
    case 'Icon': return seq('Image!');
    case 'Action':
      if (type === 'ShowTaskpane') return seq('TaskpaneId', 'SourceLocation!', 'Title');
      if (type === 'ExecuteFunction') return seq('FunctionName!');
      return null;
    case 'Resources': return seq('Images', 'Urls', 'ShortStrings', 'LongStrings');
    case 'Images': return seq('Image!');
    case 'Urls': return seq('Url!');
    case 'ShortStrings': case 'LongStrings': return seq('String!');
    case 'Image': case 'Url': case 'String': return element.attributes.resid === undefined ? seq('Override') : null;
    default: return null;
  }
}

/** Elements under <VersionOverrides> that belong to the basic-types namespace (bt:). */
export const BASIC_TYPE_ELEMENTS = new Set(['Images', 'Urls', 'ShortStrings', 'LongStrings', 'Image', 'Url', 'String', 'Override', 'Sets', 'Set']);

/** Which kind of resource an element that carries `resid` must point at. */
export type ResourceKind = 'image' | 'url' | 'short' | 'long';

export function residKind(element: XmlElement, parent: XmlElement | undefined): ResourceKind | null {
  switch (element.local) {
    case 'Image': return 'image';
    case 'SourceLocation': case 'FunctionFile': case 'LearnMoreUrl': case 'Runtime': return 'url';
    case 'Label': case 'Title': case 'Namespace': return 'short';
    case 'Description': return parent?.local === 'GetStarted' || parent?.local === 'Supertip' || parent?.local === 'VersionOverrides' ? 'long' : null;
    default: return null;
  }
}

export const RESOURCE_GROUPS: Record<string, ResourceKind> = { Images: 'image', Urls: 'url', ShortStrings: 'short', LongStrings: 'long' };
