// A labelled file input with its help text, for the dashboard's imports.
import type { Ref } from 'preact';

interface Props {
  id: string;
  label: string;
  help: string;
  accept: string;
  disabled: boolean;
  inputRef: Ref<HTMLInputElement>;
  onFile(file: File | undefined): void;
}

export function FileField({ id, label, help, accept, disabled, inputRef, onFile }: Props) {
  return (
    <>
      <label class="data-label" for={id}>
        {label}
      </label>
      <p class="data-help" id={`${id}-help`}>
        {help}
      </p>
      <input
        ref={inputRef}
        id={id}
        class="file-input"
        type="file"
        accept={accept}
        aria-describedby={`${id}-help`}
        disabled={disabled}
        onChange={(event) => onFile((event.currentTarget as HTMLInputElement).files?.[0])}
      />
    </>
  );
}
