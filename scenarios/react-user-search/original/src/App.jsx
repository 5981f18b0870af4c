import { useState } from 'react';
import UserSearch from './components/UserSearch';

export default function App() {
  const [selectedUser, setSelectedUser] = useState(null);

  return (
    <main className="app">
      <h1>People directory</h1>
      <UserSearch onSelect={setSelectedUser} />
      {selectedUser && (
        <aside className="app__details" aria-label="Selected person">
          <h2>{selectedUser.name || selectedUser.email}</h2>
          <p>{selectedUser.title}</p>
          <p>{selectedUser.department}</p>
        </aside>
      )}
    </main>
  );
}
