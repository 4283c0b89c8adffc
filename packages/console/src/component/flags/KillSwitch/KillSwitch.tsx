/** An environment's on/off switch: a real switch for keyboards and screen readers. */
export function KillSwitch({ environment, enabled, busy, onToggle }: { environment: string; enabled: boolean; busy: boolean; onToggle: () => void }) {
  return (
    <button
      type="button"
      role="switch"
      aria-checked={enabled}
      aria-label={`Serve the flag in ${environment}`}
      className={`switch ${enabled ? 'on' : 'off'}`}
      disabled={busy}
      onClick={onToggle}
    >
      <span className="knob" aria-hidden="true" />
      <span>{enabled ? 'On' : 'Off'}</span>
    </button>
  );
}
