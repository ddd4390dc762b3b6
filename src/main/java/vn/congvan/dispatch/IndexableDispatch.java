package vn.congvan.dispatch;

import java.util.Set;

/** A published dispatch and the units it was sent to, for read models that apply the access rule themselves. */
public record IndexableDispatch(DispatchView dispatch, Set<Long> recipientUnitIds) {}
