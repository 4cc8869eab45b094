/** Small DOM helpers shared by the kit's plugins. */

export const NAME = '@smmkit/nbgrader-nl';

/** Every text node under ``root``. */
export function textNodes(root: Node): Text[] {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const found: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    found.push(node as Text);
  }
  return found;
}

/** ``f``, with any error logged to the browser console only: nothing here may disturb Lab. */
export function safely<A extends unknown[]>(f: (...args: A) => void): (...args: A) => void {
  return (...args: A) => {
    try {
      f(...args);
    } catch (err) {
      console.error(NAME, err);
    }
  };
}
