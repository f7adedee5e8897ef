import { Link } from 'react-router';

export default function NotFoundPage() {
  return (
    <>
      <h1>Page not found</h1>
      <p>
        There is no screen at this address. <Link to="/bots">Go to your bots</Link>.
      </p>
    </>
  );
}
