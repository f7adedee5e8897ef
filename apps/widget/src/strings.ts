/** The widget's own words, per language; the bot's messages come from the bot. */
export interface Strings {
  title: string;
  open: string;
  close: string;
  newConversation: string;
  messages: string;
  input: string;
  placeholder: string;
  send: string;
  typing: string;
  reconnecting: string;
  offline: string;
  notSent: string;
  you: string;
  bot: string;
}

const en: Strings = {
  title: 'Chat',
  open: 'Open chat',
  close: 'Close chat',
  newConversation: 'New conversation',
  messages: 'Messages',
  input: 'Message',
  placeholder: 'Type a message…',
  send: 'Send',
  typing: 'Typing…',
  reconnecting: 'Reconnecting…',
  offline: 'Offline: waiting for the network…',
  notSent: 'Not sent',
  you: 'You',
  bot: 'Bot',
};

const fr: Strings = {
  title: 'Discussion',
  open: 'Ouvrir la discussion',
  close: 'Fermer la discussion',
  newConversation: 'Nouvelle conversation',
  messages: 'Messages',
  input: 'Message',
  placeholder: 'Écrivez un message…',
  send: 'Envoyer',
  typing: 'En train d’écrire…',
  reconnecting: 'Reconnexion…',
  offline: 'Hors ligne : en attente du réseau…',
  notSent: 'Non envoyé',
  you: 'Vous',
  bot: 'Bot',
};

const de: Strings = {
  title: 'Chat',
  open: 'Chat öffnen',
  close: 'Chat schließen',
  newConversation: 'Neue Unterhaltung',
  messages: 'Nachrichten',
  input: 'Nachricht',
  placeholder: 'Nachricht eingeben…',
  send: 'Senden',
  typing: 'Schreibt…',
  reconnecting: 'Verbindung wird wiederhergestellt…',
  offline: 'Offline: warte auf das Netzwerk…',
  notSent: 'Nicht gesendet',
  you: 'Sie',
  bot: 'Bot',
};

const es: Strings = {
  title: 'Chat',
  open: 'Abrir el chat',
  close: 'Cerrar el chat',
  newConversation: 'Nueva conversación',
  messages: 'Mensajes',
  input: 'Mensaje',
  placeholder: 'Escribe un mensaje…',
  send: 'Enviar',
  typing: 'Escribiendo…',
  reconnecting: 'Reconectando…',
  offline: 'Sin conexión: esperando la red…',
  notSent: 'No enviado',
  you: 'Tú',
  bot: 'Bot',
};

/** The languages the built-in strings ship in (`language` of the widget settings). */
export const STRINGS: Record<string, Strings> = { en, fr, de, es };

/** Strings for `language` (`pt-BR` falls back to `pt`, then to English). */
export function stringsFor(language: string | undefined): Strings {
  const tag = (language ?? 'en').toLowerCase();
  return STRINGS[tag] ?? STRINGS[tag.split('-')[0]!] ?? en;
}
