import { createContext, useContext } from "react";

// The CSP nonce travels from express (res.locals) through the render, so the
// inline scripts Remix emits are the only inline scripts the browser will run.
const NonceContext = createContext<string>("");
export const NonceProvider = NonceContext.Provider;
export const useNonce = () => useContext(NonceContext);
