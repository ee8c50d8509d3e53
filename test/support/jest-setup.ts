// Component tests wait for lazily loaded panels and dialogs; on a busy 2-core CI machine that can
// take longer than Testing Library's 1 s default, which made findBy* queries flaky under load.
import { configure } from '@testing-library/dom';

configure({ asyncUtilTimeout: 5000 });
