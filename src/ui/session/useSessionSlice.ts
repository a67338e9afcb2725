// React hook for panels that keep parameters in local state (useState): registers them as a session slice so
// they are saved, autosaved, shared and restored. `parse` turns an untrusted value (file/link) into T or
// undefined (ignored). Example: useSessionSlice('ep', params, setParams, parseEpParams).
import { useEffect, useRef } from 'react';
import { registerSessionSlice } from '../../app/session';

export function useSessionSlice<T>(
  name: string,
  value: T,
  setValue: (v: T) => void,
  parse: (v: unknown) => T | undefined,
  options: { share?: boolean } = {},
): void {
  const current = useRef({ value, setValue, parse });
  useEffect(() => {
    current.current = { value, setValue, parse };
  });
  const share = options.share ?? true;
  useEffect(
    () =>
      registerSessionSlice(name, {
        share,
        get: () => current.current.value,
        set: (v) => {
          const parsed = current.current.parse(v);
          if (parsed !== undefined) current.current.setValue(parsed);
        },
      }),
    [name, share],
  );
}
