// Status, 预警 and 销号 badges. Each carries its meaning in text as well as colour, so nothing is
// told by colour alone.
import { Badge, type BadgeProps } from '@fluentui/react-components';
import { UNMARKED, type CloseState, type Light, type StatusOrUnmarked } from '../../../ledger/types';
import { useI18n } from '../../i18n';
import { closeStateLabel, statusLabel } from '../../i18n/values';

const LIGHT_COLOR: Record<Light, BadgeProps['color']> = {
  蓝: 'brand',
  灰: 'informative',
  红: 'danger',
  黄: 'warning',
  绿: 'success',
};

// 未标注 and 时限待确认 ask a person to check an imported item: a tinted warning that reads on the
// white list (Fluent's 'subtle' outline is white text, invisible there).
const STATUS_COLOR: Record<StatusOrUnmarked, BadgeProps['color']> = {
  未标注: 'warning',
  未启动: 'informative',
  正在推进: 'important',
  部分完成: 'important',
  基本完成: 'success',
  已完成: 'brand',
};

export function LightBadge({ light }: { light: Light | null }) {
  const { t } = useI18n();
  const text = light ? t[`light_${light}`] : t.light_none;
  return (
    <Badge appearance={light ? 'filled' : 'tint'} color={light ? LIGHT_COLOR[light] : 'warning'} shape="rounded" size="medium">
      {text}
    </Badge>
  );
}

export function StatusBadge({ status }: { status: StatusOrUnmarked }) {
  const { locale } = useI18n();
  return (
    <Badge appearance={status === UNMARKED ? 'tint' : 'outline'} color={STATUS_COLOR[status]} shape="rounded" size="medium">
      {statusLabel(status, locale)}
    </Badge>
  );
}

export function CloseBadge({ state }: { state: CloseState }) {
  const { locale } = useI18n();
  if (state === '未申请') return null;
  return (
    <Badge appearance="tint" color={state === '已销号' ? 'success' : state === '退回' ? 'danger' : 'warning'} shape="rounded" size="medium">
      {closeStateLabel(state, locale)}
    </Badge>
  );
}
