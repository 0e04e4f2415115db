import { Button, Heading } from 'react-aria-components';

/** A dialog's title (its accessible name) and, when `onClose` is given, its Close button. */
export function DialogHead({ title, onClose }: { title: string; onClose?: () => void }) {
  return (
    <div className="dialog-head">
      <Heading slot="title" className="dialog-title">
        {title}
      </Heading>
      {onClose ? (
        <Button className="button" onPress={onClose}>
          Close
        </Button>
      ) : null}
    </div>
  );
}
