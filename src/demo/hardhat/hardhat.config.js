// Empty hardhat config: `vantage demo` runs plain `hardhat node` processes
// from this directory (hardhat looks for its config in the working directory).
export default {};
