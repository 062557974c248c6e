/**
 * Whether Ink runs in CI: never, in engram's bundle (scripts/bundle.mjs puts
 * this module in place of the is-in-ci package that Ink asks). With CI or
 * CONTINUOUS_INTEGRATION set, Ink draws no frame until the app ends, for apps
 * that print progress into a CI log. engram's screens run only on a terminal
 * (review and quiz refuse to start without one), where a user who keeps CI set
 * in a shell would otherwise study in front of an empty screen.
 */
const inCi = false;
export default inCi;
