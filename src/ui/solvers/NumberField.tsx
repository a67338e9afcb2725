// A labelled numeric input with units that only reports finite values within [min, max].
export function NumberField(props: { label: string; unit: string; value: number; min: number; max: number; step: number; onChange(v: number): void }) {
  const { label, unit, value, min, max, step, onChange } = props;
  return (
    <label className="num-field">
      {label}
      <input
        type="number"
        aria-label={label}
        value={value}
        min={min}
        max={max}
        step={step}
        onChange={(e) => {
          const v = Number(e.target.value);
          if (Number.isFinite(v) && v >= min && v <= max) onChange(v);
        }}
      />
      <span className="unit">{unit}</span>
    </label>
  );
}
