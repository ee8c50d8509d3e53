// Status, 预警 and 销号 badges. Each carries its meaning in text as well as colour, so nothing is
// told by colour alone.
import { Badge, type BadgeProps } from '@fluentui/react-components';
import type { CloseState, Light, StatusOrUnmarked } from '../../../ledger/types';
import { useI18n } from '../../i18n';

const LIGHT_COLOR: Record<Light, BadgeProps['color']> = {
  蓝: 'brand',
  灰: 'informative',
  红: 'danger',
  黄: 'warning',
  绿: 'success',
};

const STATUS_COLOR: Record<StatusOrUnmarked, BadgeProps['color']> = {
  未标注: 'subtle',
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
    <Badge appearance={light ? 'filled' : 'outline'} color={light ? LIGHT_COLOR[light] : 'subtle'} shape="rounded" size="medium">
      {text}
    </Badge>
  );
}

export function StatusBadge({ status }: { status: StatusOrUnmarked }) {
  return (
    <Badge appearance="outline" color={STATUS_COLOR[status]} shape="rounded" size="medium">
      {status}
    </Badge>
  );
}

export function CloseBadge({ state }: { state: CloseState }) {
  if (state === '未申请') return null;
  return (
    <Badge appearance="tint" color={state === '已销号' ? 'success' : state === '退回' ? 'danger' : 'warning'} shape="rounded" size="medium">
      {state}
    </Badge>
  );
}
